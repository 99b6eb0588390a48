package jp.certkiosk.app.payment.cctalk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.certkiosk.app.payment.PaymentDevice;
import jp.certkiosk.config.PaymentConfig;

/**
 * Coins through a ccTalk coin selector, change and refunds through ccTalk payout hoppers, all on
 * one serial bus. The selector's master inhibit is lifted only while a fee is due and set again
 * as soon as the coins credited reach it; its credit buffer is polled on a thread of its own and
 * read by the event counter, so a lost reply is read again without counting a coin twice. A coin
 * that arrives after the fee is reached is still reported: the flow journals it and pays it back.
 *
 * <p>A selector that stops answering, restarts, or reports more events than its buffer holds
 * puts the kiosk out of service until staff restart it: coins may have gone uncounted.
 */
public final class CcTalkPaymentDevice implements PaymentDevice, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CcTalkPaymentDevice.class.getName());
    /** Unanswered credit polls in a row before the selector counts as gone (a second at the default interval). */
    static final int SILENT_POLLS = 5;
    /** How often a paying hopper's counters are read (the manuals advise every 100 ms). */
    static final java.time.Duration HOPPER_POLL = java.time.Duration.ofMillis(100);
    private static final Pattern COIN_ID = Pattern.compile("JP(\\d{3})[A-Z]");

    private final CcTalkBus bus;
    private final PaymentConfig.CcTalk config;
    private final CoinSelector selector;
    private final List<PayoutHopper> hoppers;
    private final List<IntConsumer> listeners = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    // guarded by this
    private int lastCounter = -1;
    private boolean accepting;
    private int dueYen;
    private int silentPolls;
    private volatile String outOfService;
    private String lastPayoutProblem;

    /** Opens the serial port the configuration names and starts polling. */
    public static CcTalkPaymentDevice open(PaymentConfig.CcTalk config) {
        SerialLine line;
        try {
            line = JSerialCommLine.open(config.port());
        } catch (IOException e) {
            return new CcTalkPaymentDevice(null, config, e.getMessage(), false);
        }
        return new CcTalkPaymentDevice(line, config, null, true);
    }

    /** Starts on {@code line} (any serial line: a tests' pseudo-terminal, an in-memory device). */
    public static CcTalkPaymentDevice on(SerialLine line, PaymentConfig.CcTalk config) {
        return new CcTalkPaymentDevice(line, config, null, true);
    }

    /** Without the polling thread: the caller polls with {@link #pollOnce()} (unit tests, step by step). */
    static CcTalkPaymentDevice unpolled(SerialLine line, PaymentConfig.CcTalk config) {
        return new CcTalkPaymentDevice(line, config, null, false);
    }

    private CcTalkPaymentDevice(SerialLine line, PaymentConfig.CcTalk config, String openProblem, boolean poll) {
        this.config = config;
        this.bus = line == null ? null : new CcTalkBus(line, config.replyTimeout(), config.localEcho());
        this.selector = new CoinSelector(bus, config.selectorAddress());
        List<PayoutHopper> byValue = new ArrayList<>();
        new TreeMap<>(config.hoppers()).forEach((address, yen) -> byValue.add(new PayoutHopper(bus, address, yen)));
        byValue.sort(Comparator.comparingInt(PayoutHopper::coinYen).reversed());
        this.hoppers = List.copyOf(byValue);
        if (line == null) {
            stop(openProblem + ": check payment.port, then restart the kiosk");
            running = false;
            poller = null;
            return;
        }
        synchronized (this) {
            setUp();
        }
        poller = poll ? new Thread(this::pollLoop, "cctalk-credit-poll") : null;
        if (poller != null) {
            poller.setDaemon(true);
            poller.start();
        }
    }

    /** Checks the selector's coins against the coin table, inhibits it, reads the baseline counter, enables the hoppers. */
    private void setUp() {
        if (!(selector.poll() instanceof CcTalkBus.Reply.Ack)) {
            stop(selectorName() + " does not answer: check its cable and power, then restart the kiosk");
            return;
        }
        for (Map.Entry<Integer, Integer> coin : new TreeMap<>(config.coins()).entrySet()) {
            String id = selector.coinId(coin.getKey());
            if (id == null) {
                stop(selectorName() + " does not tell its coin " + coin.getKey());
                return;
            }
            Matcher m = COIN_ID.matcher(id);
            if (!m.matches() || Integer.parseInt(m.group(1)) != coin.getValue()) {
                stop("payment.coins gives coin " + coin.getKey() + " " + coin.getValue() + " yen, but "
                        + selectorName() + " is programmed with '" + id.trim() + "' there");
                return;
            }
        }
        if (!(selector.enableOnly(config.coins().keySet()) instanceof CcTalkBus.Reply.Ack)
                || !(selector.accept(false) instanceof CcTalkBus.Reply.Ack)) {
            stop(selectorName() + " refuses its inhibit settings");
            return;
        }
        if (!(selector.readCredits() instanceof CreditBuffer baseline)) {
            stop(selectorName() + " gives no credit buffer");
            return;
        }
        lastCounter = baseline.counter();
        for (PayoutHopper hopper : hoppers) {
            String problem = hopper.setUp();
            if (problem != null) {
                stop(problem + " on " + bus.lineName() + ": check it, then restart the kiosk");
                return;
            }
        }
        LOG.log(System.Logger.Level.INFO, "ccTalk acceptor ready on " + bus.lineName() + ": coins " + config.coins()
                + ", hoppers " + config.hoppers() + ", credit counter " + lastCounter);
    }

    private String selectorName() {
        return "the coin selector (ccTalk address " + config.selectorAddress() + " on " + config.port() + ")";
    }

    private void stop(String why) {
        if (outOfService == null) {
            outOfService = why;
            LOG.log(System.Logger.Level.ERROR, "payment out of service: " + why);
        }
        accepting = false;
    }

    private void pollLoop() {
        while (running) {
            try {
                Thread.sleep(config.pollInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
            for (int yen : pollOnce()) {
                listeners.forEach(listener -> listener.accept(yen));
            }
        }
    }

    /** Reads the credit buffer once; returns the yen of every coin credited since the last read, oldest first. */
    synchronized List<Integer> pollOnce() {
        Object answer = selector.readCredits();
        if (!(answer instanceof CreditBuffer buffer)) {
            if (++silentPolls >= SILENT_POLLS) {
                stop(selectorName() + " stopped answering (" + answer + "): check its cable and power, "
                        + "count the coins inserted since, then restart the kiosk");
            }
            return List.of();
        }
        silentPolls = 0;
        CreditBuffer.News news = buffer.since(lastCounter);
        lastCounter = buffer.counter();
        if (news.reset()) {
            stop(selectorName() + " restarted (its event counter went back to 0): coins it took may be uncounted; "
                    + "restart the kiosk");
        }
        if (news.lost() > 0) {
            stop(selectorName() + " logged " + news.lost() + " event(s) more than its buffer holds: coins may be "
                    + "uncounted; count the cash box, then restart the kiosk");
        }
        List<Integer> credited = new ArrayList<>();
        for (CreditBuffer.Event event : news.events()) {
            if (event instanceof CreditBuffer.Event.Credit credit) {
                Integer yen = config.coins().get(credit.coinId());
                if (yen == null) {
                    stop(selectorName() + " credited coin " + credit.coinId() + ", which payment.coins does not name");
                    continue;
                }
                credited.add(yen);
                if (accepting) {
                    dueYen -= yen;
                }
            } else {
                LOG.log(System.Logger.Level.DEBUG, "coin selector event " + event);
            }
        }
        if (accepting && (dueYen <= 0 || outOfService != null)) {
            accepting = false; // the fee is reached: the slot closes before the flow even hears of the coin
            inhibit();
        }
        return credited;
    }

    private void inhibit() {
        if (!(selector.accept(false) instanceof CcTalkBus.Reply.Ack)) {
            stop(selectorName() + " could not be inhibited: coins may be taken while no fee is due");
        }
    }

    @Override
    public synchronized void startAccepting(int dueYen) {
        this.dueYen = dueYen;
        if (dueYen <= 0 || outOfService != null) {
            return;
        }
        if (selector.accept(true) instanceof CcTalkBus.Reply.Ack) {
            accepting = true;
        } else {
            stop(selectorName() + " refuses to take coins (master inhibit)");
        }
    }

    @Override
    public synchronized void stopAccepting() {
        accepting = false;
        if (bus != null) {
            inhibit();
        }
    }

    /** Whether the selector's master inhibit is lifted now. */
    public synchronized boolean accepting() {
        return accepting;
    }

    @Override
    public synchronized PayOutResult payOut(int yen) {
        if (bus == null) {
            return PayOutResult.failed(outOfService);
        }
        int left = yen;
        List<String> problems = new ArrayList<>();
        try {
            for (PayoutHopper hopper : hoppers) {
                while (left >= hopper.coinYen()) {
                    int coins = Math.min(255, left / hopper.coinYen());
                    PayoutHopper.Payout payout = hopper.pay(coins, HOPPER_POLL);
                    left -= payout.paid() * hopper.coinYen();
                    if (payout.problem() != null) {
                        problems.add(payout.problem());
                        break; // the next hopper makes up the rest in smaller coins
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("the payout was interrupted");
        }
        lastPayoutProblem = problems.isEmpty() ? null : String.join("; ", problems);
        if (left == 0) {
            if (lastPayoutProblem != null) {
                LOG.log(System.Logger.Level.WARNING, "paid " + yen + " yen with other coins: " + lastPayoutProblem);
            }
            return PayOutResult.paid();
        }
        String problem = "paid " + (yen - left) + " of " + yen + " yen"
                + (problems.isEmpty() ? ": no hopper holds coins small enough" : ": " + lastPayoutProblem);
        return yen - left > 0 ? PayOutResult.partly(yen - left, problem) : PayOutResult.failed(problem);
    }

    @Override
    public void onCashInserted(IntConsumer listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized String status() {
        StringBuilder s = new StringBuilder("ccTalk on ").append(config.port()).append(": ");
        if (outOfService != null) {
            return s.append("OUT OF SERVICE: ").append(outOfService).toString();
        }
        s.append(accepting ? "taking coins" : "inhibited").append(", hoppers ");
        s.append(String.join(", ", hoppers.stream().map(PayoutHopper::name).toList()));
        if (lastPayoutProblem != null) {
            s.append("; last payout: ").append(lastPayoutProblem);
        }
        return s.toString();
    }

    // Read by the screen thread on every tick: never behind the lock a payout holds.
    @Override
    public Optional<String> outOfService() {
        return Optional.ofNullable(outOfService);
    }

    @Override
    public void close() {
        running = false;
        if (poller != null) {
            poller.interrupt();
            try {
                poller.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (bus != null) {
                accepting = false;
                selector.accept(false);
                bus.close();
            }
        }
    }
}
