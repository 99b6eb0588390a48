package jp.certkiosk.app.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When the resident last touched the screen, on an injected clock. After {@code warnAfter} the
 * screen asks whether they are still there; after {@code giveUpAfter} the session is wiped.
 */
public final class IdleWatch {
    public enum Verdict { ACTIVE, WARN, EXPIRED }

    private final Clock clock;
    private final Duration warnAfter;
    private final Duration giveUpAfter;
    private Instant lastTouch;

    public IdleWatch(Clock clock, Duration warnAfter, Duration giveUpAfter) {
        if (warnAfter.compareTo(giveUpAfter) >= 0) {
            throw new IllegalArgumentException("the warning must come before the timeout");
        }
        this.clock = clock;
        this.warnAfter = warnAfter;
        this.giveUpAfter = giveUpAfter;
        this.lastTouch = clock.instant();
    }

    public synchronized void touched() {
        lastTouch = clock.instant();
    }

    public synchronized Verdict verdict() {
        Duration idle = Duration.between(lastTouch, clock.instant());
        if (idle.compareTo(giveUpAfter) >= 0) {
            return Verdict.EXPIRED;
        }
        return idle.compareTo(warnAfter) >= 0 ? Verdict.WARN : Verdict.ACTIVE;
    }

    /** Seconds since the last touch. */
    public synchronized long idleSeconds() {
        return Duration.between(lastTouch, clock.instant()).getSeconds();
    }

    public synchronized long secondsLeft() {
        return Math.max(0, Duration.between(clock.instant(), lastTouch.plus(giveUpAfter)).getSeconds());
    }
}
