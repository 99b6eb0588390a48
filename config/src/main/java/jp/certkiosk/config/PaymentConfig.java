package jp.certkiosk.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The coin acceptor with its change hoppers, by kind: {@code SIMULATED} (in memory, refused in
 * production) or {@code CCTALK} (a coin selector and payout hoppers on one ccTalk serial bus).
 *
 * @param ccTalk the serial bus and its devices; null unless the kind is {@code CCTALK}
 */
public record PaymentConfig(Kind kind, int simulatedHopperYen, CcTalk ccTalk) {
    public enum Kind { SIMULATED, CCTALK }

    /** Change the simulated hopper starts with, unless the file says otherwise. */
    public static final int DEFAULT_SIMULATED_HOPPER_YEN = 5000;

    /** The Japanese coins a selector may credit and a hopper may pay (1 and 5 yen never make a fee or its change). */
    public static final List<Integer> COIN_YEN = List.of(10, 50, 100, 500);

    public PaymentConfig(Kind kind, int simulatedHopperYen) {
        this(kind, simulatedHopperYen, null);
    }

    public static PaymentConfig simulated() {
        return new PaymentConfig(Kind.SIMULATED, DEFAULT_SIMULATED_HOPPER_YEN);
    }

    /**
     * A coin selector and payout hoppers on one ccTalk bus (9600 baud, 8N1, the host at address 1).
     *
     * @param port             the serial device, e.g. {@code /dev/ttyUSB0}
     * @param selectorAddress  the coin selector's ccTalk address (2 unless set otherwise on the device)
     * @param coins            yen credited per coin id (the selector's coin positions 1-16); others stay inhibited
     * @param hoppers          yen of the one coin each payout hopper holds, by ccTalk address
     * @param pollInterval     how often the selector's credit buffer is read (its buffer holds 5 events)
     * @param replyTimeout     how long a device may take to answer one command
     * @param localEcho        whether the interface hands back every byte the host sends (a one-wire ccTalk bus does)
     */
    public record CcTalk(String port, int selectorAddress, Map<Integer, Integer> coins, Map<Integer, Integer> hoppers,
                         Duration pollInterval, Duration replyTimeout, boolean localEcho) {
        public static final int DEFAULT_SELECTOR_ADDRESS = 2;
        public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(200);
        public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofMillis(250);

        public CcTalk {
            coins = coins == null ? Map.of() : Map.copyOf(coins);
            hoppers = hoppers == null ? Map.of() : Map.copyOf(hoppers);
        }
    }
}
