package jp.certkiosk.app.settle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jp.certkiosk.app.flow.KioskEngine;

/**
 * Asks the printer and the endpoint again about prints in doubt while the kiosk runs, on a timer:
 * a job that was only slow, or a printer that comes back, settles without staff and the kiosk sells
 * again. Each turn is {@link KioskEngine#retryDoubts()}, which does nothing while no doubt is open.
 * The scheduler is a seam: the kiosk passes its own daemon thread, a test runs the turns by hand.
 */
public final class DoubtRetry implements AutoCloseable {
    /** How often a kiosk stopped by a doubt asks again. */
    public static final Duration DEFAULT_EVERY = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(DoubtRetry.class.getName());

    private final KioskEngine engine;
    private final ScheduledExecutorService scheduler;
    private final boolean ownScheduler;
    private ScheduledFuture<?> turns;

    private DoubtRetry(KioskEngine engine, ScheduledExecutorService scheduler, boolean ownScheduler) {
        this.engine = engine;
        this.scheduler = scheduler;
        this.ownScheduler = ownScheduler;
    }

    /** Turns every {@code every} on {@code scheduler} (which the caller owns). */
    public static DoubtRetry on(KioskEngine engine, ScheduledExecutorService scheduler, Duration every) {
        DoubtRetry retry = new DoubtRetry(engine, scheduler, false);
        retry.schedule(every);
        return retry;
    }

    /** Turns every {@code every} on a daemon thread of its own, stopped by {@link #close}. */
    public static DoubtRetry start(KioskEngine engine, Duration every) {
        ScheduledExecutorService own = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "doubt-retry");
            thread.setDaemon(true);
            return thread;
        });
        DoubtRetry retry = new DoubtRetry(engine, own, true);
        retry.schedule(every);
        return retry;
    }

    private void schedule(Duration every) {
        long millis = Math.max(1, every.toMillis());
        turns = scheduler.scheduleWithFixedDelay(this::turn, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** One turn: settle what can be settled now. Never throws: the next turn comes anyway. */
    public void turn() {
        try {
            engine.retryDoubts();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "asking about prints in doubt failed; asking again later", e);
        }
    }

    @Override
    public void close() {
        if (turns != null) {
            turns.cancel(false);
        }
        if (ownScheduler) {
            scheduler.shutdownNow();
        }
    }
}
