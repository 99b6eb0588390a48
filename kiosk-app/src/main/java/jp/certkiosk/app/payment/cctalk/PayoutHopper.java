package jp.certkiosk.app.payment.cctalk;

import java.time.Duration;

/**
 * A ccTalk payout hopper holding coins of one value. A payout is started once with the hopper's
 * serial number as its code and then followed through "request hopper status" until no coin is
 * left to pay: the status says how many were paid and how many were not (an empty hopper stops).
 */
final class PayoutHopper {
    private final CcTalkBus bus;
    private final int address;
    private final int coinYen;
    private byte[] serial;

    /** How a payout ended: coins paid, and why not all (null when all were paid). */
    record Payout(int paid, String problem) {}

    /** The four status counters after a dispense command. */
    record Status(int counter, int remaining, int paid, int unpaid) {}

    PayoutHopper(CcTalkBus bus, int address, int coinYen) {
        this.bus = bus;
        this.address = address;
        this.coinYen = coinYen;
    }

    int address() {
        return address;
    }

    int coinYen() {
        return coinYen;
    }

    String name() {
        return "hopper " + address + " (" + coinYen + " yen)";
    }

    /** Reads its serial number and enables payout; null when ready, else why not. */
    String setUp() {
        if (!(bus.send(address, Headers.SIMPLE_POLL) instanceof CcTalkBus.Reply.Ack)) {
            return name() + " does not answer";
        }
        if (!(bus.send(address, Headers.REQUEST_SERIAL_NUMBER) instanceof CcTalkBus.Reply.Ack ack) || ack.data().length != 3) {
            return name() + " gives no serial number";
        }
        serial = ack.data();
        if (!(bus.send(address, Headers.ENABLE_HOPPER, (byte) Headers.HOPPER_ENABLE_CODE) instanceof CcTalkBus.Reply.Ack)) {
            return name() + " refuses to be enabled";
        }
        return null;
    }

    Status status() {
        if (bus.send(address, Headers.REQUEST_HOPPER_STATUS) instanceof CcTalkBus.Reply.Ack ack && ack.data().length == 4) {
            byte[] d = ack.data();
            return new Status(d[0] & 0xFF, d[1] & 0xFF, d[2] & 0xFF, d[3] & 0xFF);
        }
        return null;
    }

    /** Pays {@code coins} (1-255) and waits until the hopper stops; never sends the dispense command twice for one payout. */
    Payout pay(int coins, Duration pollInterval) throws InterruptedException {
        if (serial == null) {
            return new Payout(0, name() + " was never set up");
        }
        Status before = status();
        if (before == null) {
            return new Payout(0, name() + " does not answer");
        }
        byte[] command = {serial[0], serial[1], serial[2], (byte) coins};
        CcTalkBus.Reply reply = bus.send(address, Headers.DISPENSE_HOPPER_COINS, command);
        if (reply instanceof CcTalkBus.Reply.Nak) {
            return new Payout(0, name() + " refused the payout (NAK: disabled, jammed or blocked)");
        }
        if (!(reply instanceof CcTalkBus.Reply.Ack)) {
            // the reply was lost: the status counter tells whether the command arrived
            Status now = status();
            if (now == null) {
                return new Payout(0, name() + " stopped answering when told to pay " + coins + " coins; whether it paid is unknown");
            }
            if (now.counter() == before.counter()) {
                return new Payout(0, name() + " did not receive the payout command");
            }
        }
        // at most a coin a poll and a generous allowance: a hopper that goes on longer is stuck
        int polls = 0;
        int limit = coins * 10 + 50;
        Status last = null;
        while (polls++ < limit) {
            Status status = status();
            if (status == null) {
                return new Payout(last == null ? 0 : last.paid(), name() + " stopped answering during the payout after "
                        + (last == null ? 0 : last.paid()) + " of " + coins + " coins");
            }
            last = status;
            if (status.remaining() == 0) {
                int unpaid = coins - status.paid();
                return new Payout(status.paid(), unpaid == 0 ? null
                        : name() + " paid " + status.paid() + " of " + coins + " coins (empty or jammed)");
            }
            Thread.sleep(pollInterval.toMillis());
        }
        return new Payout(last.paid(), name() + " did not finish paying " + coins + " coins");
    }
}
