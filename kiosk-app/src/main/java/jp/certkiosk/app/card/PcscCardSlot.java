package jp.certkiosk.app.card;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.smartcardio.CardTerminal;
import jp.certkiosk.card.apdu.ApduTransport;
import jp.certkiosk.card.apdu.CardIoException;
import jp.certkiosk.card.pcsc.CardWatcher;
import jp.certkiosk.card.pcsc.Pcsc;
import jp.certkiosk.card.pcsc.PcscTransport;
import jp.certkiosk.card.pcsc.ReaderEvent;

/**
 * The kiosk's card slot on a PC/SC reader. The {@link CardWatcher} tells it when a card arrives or
 * leaves; it connects to the arriving card and hands the flow a {@link FlowEvent.CardInserted} with a
 * fresh transaction id, and a {@link FlowEvent.CardRemoved} when the card goes. The connection is
 * bound to that one card: after a removal {@link #card()} is empty and the old connection refuses
 * every command, so nothing of a transaction can reach the next resident's card.
 */
public final class PcscCardSlot implements CardSlot, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PcscCardSlot.class.getName());

    private final String readerName;
    private Consumer<String> placedListener;
    private Runnable takenListener;
    private CardWatcher watcher;
    private PcscTransport connected;

    /** A slot on {@code readerName} (e.g. "Virtual PCD 00 00"); it watches once {@link #start}ed. */
    public PcscCardSlot(String readerName) {
        this.readerName = readerName;
    }

    /**
     * Starts watching the reader (on the watcher thread): a card placed calls {@code placed} with a
     * new transaction id, a card taken calls {@code taken}. A card already in the reader counts as placed.
     */
    public synchronized void start(Consumer<String> placed, Runnable taken) {
        if (watcher != null) {
            throw new IllegalStateException("already watching " + readerName);
        }
        this.placedListener = placed;
        this.takenListener = taken;
        this.watcher = CardWatcher.start(this::onReaderEvent);
    }

    /** The readers pcscd lists now (none when pcscd does not run). */
    public static java.util.List<String> readers() {
        try {
            return Pcsc.readers().stream().map(CardTerminal::getName).toList();
        } catch (javax.smartcardio.CardException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "no PC/SC reader: {0}", Pcsc.describe(e));
            return java.util.List.of();
        }
    }

    /** The first reader pcscd lists, if pcscd runs and lists one. */
    public static Optional<String> firstReader() {
        try {
            return Pcsc.readers().stream().map(CardTerminal::getName).findFirst();
        } catch (javax.smartcardio.CardException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "no PC/SC reader: {0}", Pcsc.describe(e));
            return Optional.empty();
        }
    }

    /** The first reader pcscd lists that holds a card now, if pcscd runs at all. */
    public static Optional<String> readerWithCard() {
        try {
            for (CardTerminal terminal : Pcsc.readers()) {
                if (terminal.isCardPresent()) {
                    return Optional.of(terminal.getName());
                }
            }
        } catch (javax.smartcardio.CardException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "no PC/SC reader with a card: {0}", Pcsc.describe(e));
        }
        return Optional.empty();
    }

    public String readerName() {
        return readerName;
    }

    @Override
    public synchronized Optional<ApduTransport> card() {
        return Optional.ofNullable(connected);
    }

    private void onReaderEvent(ReaderEvent event) {
        if (event instanceof ReaderEvent.Snapshot snapshot) {
            if (snapshot.readersWithCard().contains(readerName)) {
                placed();
            }
        } else if (event instanceof ReaderEvent.CardInserted inserted) {
            if (inserted.reader().equals(readerName)) {
                placed();
            }
        } else if (event instanceof ReaderEvent.CardRemoved removed) {
            if (removed.reader().equals(readerName)) {
                taken();
            }
        } else if (event instanceof ReaderEvent.ReaderDetached detached) {
            if (detached.reader().equals(readerName)) {
                taken();
            }
        }
    }

    private void placed() {
        PcscTransport transport;
        try {
            transport = PcscTransport.connect(Pcsc.readers().stream()
                    .filter(t -> t.getName().equals(readerName)).findFirst()
                    .orElseThrow(() -> new CardIoException("reader " + readerName + " is gone")));
        } catch (CardIoException | javax.smartcardio.CardException e) {
            LOG.log(System.Logger.Level.WARNING, "card placed in {0} but not usable: {1}", readerName, e.getMessage());
            return;
        }
        synchronized (this) {
            if (connected != null) {
                connected.close();
            }
            connected = transport;
        }
        placedListener.accept("tx-" + UUID.randomUUID());
    }

    private void taken() {
        synchronized (this) {
            if (connected == null) {
                return;
            }
            connected.close();
            connected = null;
        }
        takenListener.run();
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        synchronized (this) {
            if (connected != null) {
                connected.close();
                connected = null;
            }
        }
    }
}
