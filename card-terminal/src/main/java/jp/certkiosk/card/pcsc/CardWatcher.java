package jp.certkiosk.card.pcsc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/**
 * The one thread that watches the PC/SC readers and turns what it sees into {@link ReaderEvent}s:
 * a {@link ReaderEvent.Snapshot} first, then reader attached / card inserted / card removed /
 * reader detached, in that order of nesting (a card is reported removed before its reader is
 * reported detached).
 *
 * <p>It looks every poll interval. No reader at all is a state like any other (an empty
 * snapshot). When pcscd stops, every reader is reported detached; the watcher renews its PC/SC
 * context and reports the readers attached again when pcscd is back. Events are delivered on the
 * watcher thread, in order; a listener that throws is logged and does not stop the watcher.
 */
public final class CardWatcher implements AutoCloseable {
    /** Default poll interval: short enough that a removal is seen before a resident walks away. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(150);
    private static final System.Logger LOG = System.getLogger(CardWatcher.class.getName());

    private final Consumer<ReaderEvent> listener;
    private final long pollMillis;
    private final Thread thread;
    private volatile boolean closed;
    private boolean serviceDown;

    private CardWatcher(Consumer<ReaderEvent> listener, Duration poll) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.pollMillis = Math.max(10, poll.toMillis());
        this.thread = new Thread(this::run, "card-watcher");
        this.thread.setDaemon(true);
    }

    /** Starts watching with {@link #DEFAULT_POLL}. */
    public static CardWatcher start(Consumer<ReaderEvent> listener) {
        return start(listener, DEFAULT_POLL);
    }

    public static CardWatcher start(Consumer<ReaderEvent> listener, Duration poll) {
        CardWatcher watcher = new CardWatcher(listener, poll);
        watcher.thread.start();
        return watcher;
    }

    private void run() {
        Map<String, Boolean> before = null;
        while (!closed) {
            Map<String, Boolean> now = scan();
            if (before == null) {
                List<String> withCard = new ArrayList<>();
                now.forEach((reader, card) -> {
                    if (card) {
                        withCard.add(reader);
                    }
                });
                deliver(new ReaderEvent.Snapshot(new ArrayList<>(now.keySet()), withCard));
            } else {
                report(before, now);
            }
            before = now;
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void report(Map<String, Boolean> before, Map<String, Boolean> now) {
        for (Map.Entry<String, Boolean> old : before.entrySet()) {
            if (!now.containsKey(old.getKey())) {
                if (old.getValue()) {
                    deliver(new ReaderEvent.CardRemoved(old.getKey()));
                }
                deliver(new ReaderEvent.ReaderDetached(old.getKey()));
            }
        }
        for (Map.Entry<String, Boolean> current : now.entrySet()) {
            Boolean had = before.get(current.getKey());
            if (had == null) {
                deliver(new ReaderEvent.ReaderAttached(current.getKey()));
                had = false;
            }
            if (!had && current.getValue()) {
                deliver(new ReaderEvent.CardInserted(current.getKey()));
            } else if (had && !current.getValue()) {
                deliver(new ReaderEvent.CardRemoved(current.getKey()));
            }
        }
    }

    /** Reader name → card present, in pcscd's order; empty when there is no reader or no pcscd. */
    private Map<String, Boolean> scan() {
        Map<String, Boolean> readers = new LinkedHashMap<>();
        try {
            for (CardTerminal terminal : Pcsc.readers()) {
                boolean present;
                try {
                    present = terminal.isCardPresent();
                } catch (CardException e) {
                    if (Pcsc.isServiceGone(e)) {
                        throw e;
                    }
                    present = false;
                }
                readers.put(terminal.getName(), present);
            }
            if (serviceDown) {
                LOG.log(System.Logger.Level.INFO, "PC/SC service is back: {0} reader(s)", readers.size());
                serviceDown = false;
            }
        } catch (CardException | RuntimeException e) {
            if (!serviceDown) {
                LOG.log(System.Logger.Level.WARNING, "PC/SC service unavailable: {0}", Pcsc.describe(e));
                serviceDown = true;
            }
            LOG.log(System.Logger.Level.DEBUG, "scan failed: {0}", Pcsc.describe(e));
            Pcsc.forgetContext();
            readers.clear();
        }
        return readers;
    }

    private void deliver(ReaderEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "card event listener failed on " + event, e);
        }
    }

    /** Stops watching; no event is delivered after this returns. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
