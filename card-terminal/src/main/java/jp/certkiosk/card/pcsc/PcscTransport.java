package jp.certkiosk.card.pcsc;

import java.util.Arrays;
import java.util.Objects;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import jp.certkiosk.card.apdu.ApduTransport;
import jp.certkiosk.card.apdu.CardIoException;
import jp.certkiosk.card.apdu.CardRemovedException;
import jp.certkiosk.card.apdu.CommandApdu;
import jp.certkiosk.card.apdu.ResponseApdu;
import jp.certkiosk.card.jpki.JpkiCommands;

/**
 * One card in one PC/SC reader, as an {@link ApduTransport}.
 *
 * <p>Bound to the card that was in the reader when it connected: once that card is removed every
 * command fails with {@link CardRemovedException}, also after another card was placed; nothing is
 * ever sent to a different card. When another application resets the card, the transport
 * reconnects, selects the JPKI AP again (the card forgot it, and the verified PIN) and fails the
 * command that met the reset, so that the transaction starts over rather than continuing without
 * the security status it had. Responses {@code 61 xx} and {@code 6C xx} are handled here, with a
 * bound. Failures name the command's header and the PC/SC error, never command data.
 */
public final class PcscTransport implements ApduTransport, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PcscTransport.class.getName());

    private final CardTerminal terminal;
    private final String readerName;
    private Card card;
    private CardChannel channel;
    private boolean closed;

    private PcscTransport(CardTerminal terminal, Card card) {
        this.terminal = terminal;
        this.readerName = terminal.getName();
        this.card = card;
        this.channel = card.getBasicChannel();
    }

    /**
     * Connects to the card in {@code terminal} (T=1 or T=0, whichever the card offers).
     *
     * @throws CardRemovedException if there is no card in the reader
     * @throws CardIoException      if the connection failed
     */
    public static PcscTransport connect(CardTerminal terminal) throws CardIoException {
        Objects.requireNonNull(terminal, "terminal");
        try {
            return new PcscTransport(terminal, terminal.connect("*"));
        } catch (javax.smartcardio.CardNotPresentException e) {
            throw new CardRemovedException("connect to " + terminal.getName() + ": no card", e);
        } catch (CardException e) {
            String what = Pcsc.describe(e);
            if (isRemoval(what)) {
                throw new CardRemovedException("connect to " + terminal.getName() + ": no card (" + what + ")", e);
            }
            throw new CardIoException("connect to " + terminal.getName() + ": " + what, e);
        }
    }

    /** The PC/SC name of the reader, e.g. {@code "Virtual PCD 00 00"}. */
    public String readerName() {
        return readerName;
    }

    /** The card's answer to reset. */
    public synchronized byte[] atr() {
        return card.getATR().getBytes();
    }

    /** The protocol in use, e.g. {@code "T=1"}. */
    public synchronized String protocol() {
        return card.getProtocol();
    }

    @Override
    public synchronized ResponseApdu transmit(CommandApdu command) throws CardIoException {
        Objects.requireNonNull(command, "command");
        return IsoResponseHandling.transmit(raw -> exchange(command, raw), command);
    }

    @Override
    public synchronized Exclusive exclusive() throws CardIoException {
        Card reserved = usableCard("begin exclusive access");
        try {
            reserved.beginExclusive();
        } catch (CardException | IllegalStateException e) {
            throw failure("begin exclusive access", e);
        }
        return () -> {
            try {
                reserved.endExclusive();
            } catch (CardException | IllegalStateException e) {
                LOG.log(System.Logger.Level.DEBUG, "end exclusive access: {0}", Pcsc.describe(e));
            }
        };
    }

    private byte[] exchange(CommandApdu command, byte[] raw) throws CardIoException {
        String step = IsoResponseHandling.step(command);
        usableCard(step);
        try {
            return channel.transmit(new javax.smartcardio.CommandAPDU(raw)).getBytes();
        } catch (IllegalArgumentException e) {
            // the JDK refuses a response without a status word; the reader driver gives an empty one
            // when the card vanished mid-command
            throw failure(step, new CardException("response without a status word", e));
        } catch (CardException | IllegalStateException e) {
            if (Pcsc.describe(e).contains("SCARD_W_RESET_CARD")) {
                recoverFromReset(step);
                throw new CardIoException(step + ": the card was reset by another application; "
                        + "JPKI AP selected again, the transaction must start over", e);
            }
            throw failure(step, e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Reconnects to the same card after a reset (a removal would say so) and selects the AP again. */
    private void recoverFromReset(String step) throws CardIoException {
        try {
            card.disconnect(false);
        } catch (CardException | IllegalStateException e) {
            // the old handle is stale anyway
        }
        try {
            card = terminal.connect("*");
            channel = card.getBasicChannel();
            byte[] answer = channel.transmit(new javax.smartcardio.CommandAPDU(JpkiCommands.selectAp().encode())).getBytes();
            LOG.log(System.Logger.Level.INFO, "{0}: card reset, reconnected, SELECT JPKI AP answered {1}", step,
                    answer.length >= 2 ? String.format("%02X%02X", answer[answer.length - 2], answer[answer.length - 1]) : "nothing");
        } catch (CardException | IllegalStateException e) {
            closed = true;
            throw failure(step + " (reconnect after reset)", e);
        }
    }

    private Card usableCard(String step) throws CardRemovedException {
        if (closed) {
            throw new CardRemovedException(step + ": the connection to the card in " + readerName + " is closed");
        }
        return card;
    }

    private CardIoException failure(String step, Exception e) {
        String what = Pcsc.describe(e);
        if (isRemoval(what)) {
            closed = true;
            return new CardRemovedException(step + ": card removed from " + readerName + " (" + what + ")", e);
        }
        if (Pcsc.isServiceGone(e)) {
            closed = true;
            return new CardIoException(step + ": lost the PC/SC service (" + what + ")", e);
        }
        if (!stillPresent()) {
            closed = true;
            return new CardRemovedException(step + ": card removed from " + readerName + " (" + what + ")", e);
        }
        return new CardIoException(step + ": " + what, e);
    }

    /**
     * Whether a card is still in the reader after a failed exchange. A card pulled mid-command
     * often shows first as a plain transmission error; the reader notices the removal within its
     * poll period, so this looks for up to {@value #REMOVAL_GRACE_MILLIS} ms.
     */
    private boolean stillPresent() {
        long end = System.currentTimeMillis() + REMOVAL_GRACE_MILLIS;
        try {
            while (terminal.isCardPresent()) {
                if (System.currentTimeMillis() >= end) {
                    return true;
                }
                Thread.sleep(50);
            }
            return false;
        } catch (CardException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static final long REMOVAL_GRACE_MILLIS = 1000;

    private static boolean isRemoval(String what) {
        return what.contains("SCARD_W_REMOVED_CARD") || what.contains("SCARD_E_NO_SMARTCARD")
                || what.contains("SCARD_W_UNPOWERED_CARD") || what.contains("SCARD_W_UNRESPONSIVE_CARD")
                || what.contains("Card has been disconnected") || what.contains("SCARD_E_READER_UNAVAILABLE");
    }

    /** Disconnects, leaving the card as it is (no reset). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            card.disconnect(false);
        } catch (CardException | IllegalStateException e) {
            LOG.log(System.Logger.Level.DEBUG, "disconnect: {0}", Pcsc.describe(e));
        }
    }
}
