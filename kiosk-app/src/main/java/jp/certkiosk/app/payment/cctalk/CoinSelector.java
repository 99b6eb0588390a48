package jp.certkiosk.app.payment.cctalk;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/** A ccTalk coin selector: coin positions 1-16, each inhibited or enabled, a master inhibit, a credit buffer. */
final class CoinSelector {
    private final CcTalkBus bus;
    private final int address;

    CoinSelector(CcTalkBus bus, int address) {
        this.bus = bus;
        this.address = address;
    }

    int address() {
        return address;
    }

    CcTalkBus.Reply poll() {
        return bus.send(address, Headers.SIMPLE_POLL);
    }

    /** The coin id the selector is programmed with at {@code position}, e.g. {@code JP100A}; null when unanswered. */
    String coinId(int position) {
        return bus.send(address, Headers.REQUEST_COIN_ID, (byte) position) instanceof CcTalkBus.Reply.Ack ack
                ? new String(ack.data(), StandardCharsets.US_ASCII) : null;
    }

    /** Enables the coins at these positions (1-16) and inhibits every other. */
    CcTalkBus.Reply enableOnly(Collection<Integer> positions) {
        int mask = 0;
        for (int position : positions) {
            mask |= 1 << (position - 1);
        }
        return bus.send(address, Headers.MODIFY_INHIBIT_STATUS, (byte) mask, (byte) (mask >> 8));
    }

    /** Lifts the master inhibit (coins are taken) or sets it (every coin is handed back). */
    CcTalkBus.Reply accept(boolean accept) {
        return bus.send(address, Headers.MODIFY_MASTER_INHIBIT, (byte) (accept ? 1 : 0));
    }

    /** The credit buffer, or why it could not be read. */
    Object readCredits() {
        CcTalkBus.Reply reply = bus.send(address, Headers.READ_BUFFERED_CREDIT);
        if (reply instanceof CcTalkBus.Reply.Ack ack) {
            byte[] data = ack.data();
            return data.length == 1 + 2 * CreditBuffer.EVENTS ? CreditBuffer.parse(data)
                    : new CcTalkBus.Reply.NoAnswer("a credit buffer of " + data.length + " bytes");
        }
        return reply;
    }
}
