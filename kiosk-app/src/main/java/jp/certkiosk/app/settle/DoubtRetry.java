package jp.certkiosk.app.settle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks the printer and the endpoint again about prints in doubt while the kiosk runs, on a timer:
 * a job that was only slow, or a printer that comes back, settles without staff and the kiosk sells
 * again. Each turn is the kiosk engine's {@code retryDoubts()}, which does nothing while no doubt is
 * open. The scheduler is a seam: the kiosk passes its own daemon thread, a test runs the turns by hand.
 */
public final class DoubtRetry implements AutoCloseable {
    /** How often a kiosk stopped by a doubt asks again. */
    public static final Duration DEFAULT_EVERY = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(DoubtRetry.class.getName());

    private final Runnable askAgain;
    private final ScheduledExecutorService scheduler;
    private final boolean ownScheduler;
    private ScheduledFuture<?> turns;

    private DoubtRetry(Runnable askAgain, ScheduledExecutorService scheduler, boolean ownScheduler) {
        this.askAgain = askAgain;
        this.scheduler = scheduler;
        this.ownScheduler = ownScheduler;
    }

    /** Runs {@code askAgain} (the engine's {@code retryDoubts}) every {@code every} on {@code scheduler}, which the caller owns. */
    public static DoubtRetry on(Runnable askAgain, ScheduledExecutorService scheduler, Duration every) {
        DoubtRetry retry = new DoubtRetry(askAgain, scheduler, false);
        retry.schedule(every);
        return retry;
    }

    /** Runs {@code askAgain} every {@code every} on a daemon thread of its own, stopped by {@link #close}. */
    public static DoubtRetry start(Runnable askAgain, Duration every) {
        ScheduledExecutorService own = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "doubt-retry");
            thread.setDaemon(true);
            return thread;
        });
        DoubtRetry retry = new DoubtRetry(askAgain, own, true);
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
            askAgain.run();
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
