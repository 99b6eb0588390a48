package jp.certkiosk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdleWatchTest {
    @Test
    void warnsThenExpiresAndATouchStartsOver() {
        jp.certkiosk.app.testing.ManualClock clock = new jp.certkiosk.app.testing.ManualClock(Instant.parse("2026-11-28T10:00:00Z"));
        IdleWatch idle = new IdleWatch(clock, Duration.ofSeconds(60), Duration.ofSeconds(90));
        assertEquals(IdleWatch.Verdict.ACTIVE, idle.verdict());
        clock.advance(Duration.ofSeconds(60));
        assertEquals(IdleWatch.Verdict.WARN, idle.verdict());
        assertEquals(30, idle.secondsLeft());
        idle.touched();
        assertEquals(IdleWatch.Verdict.ACTIVE, idle.verdict());
        clock.advance(Duration.ofSeconds(90));
        assertEquals(IdleWatch.Verdict.EXPIRED, idle.verdict());
    }
}
