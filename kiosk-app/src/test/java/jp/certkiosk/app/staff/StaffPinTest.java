package jp.certkiosk.app.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaffPinTest {
    @TempDir Path dir;

    static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");

        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void theFileHoldsASaltedHashNeverThePin() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        StaffPin.store(a, "482913".toCharArray());
        StaffPin.store(b, "482913".toCharArray());
        String stored = Files.readString(a);
        assertFalse(stored.contains("482913"));
        assertTrue(stored.startsWith("pbkdf2-sha256:"), stored);
        assertFalse(stored.equals(Files.readString(b)), "each hash has its own salt");
    }

    @Test
    void wrongTriesDoubleTheWaitAndTheRightPinIsNotCheckedWithinIt() throws IOException {
        Path file = dir.resolve("staff-pin");
        StaffPin.store(file, "482913".toCharArray());
        Ticking clock = new Ticking();
        StaffPin pin = StaffPin.load(file, clock);

        assertEquals(new StaffPin.Check.Wrong(Duration.ofSeconds(1)), pin.check("000000".toCharArray()));
        assertInstanceOf(StaffPin.Check.TooSoon.class, pin.check("482913".toCharArray()));
        clock.now = clock.now.plusSeconds(1);
        assertEquals(new StaffPin.Check.Wrong(Duration.ofSeconds(2)), pin.check("111111".toCharArray()));
        clock.now = clock.now.plusSeconds(2);
        assertEquals(new StaffPin.Check.Wrong(Duration.ofSeconds(4)), pin.check("222222".toCharArray()));
        clock.now = clock.now.plusSeconds(4);
        assertEquals(new StaffPin.Check.Accepted(), pin.check("482913".toCharArray()));
        assertEquals(new StaffPin.Check.Wrong(Duration.ofSeconds(1)), pin.check("333333".toCharArray()),
                "a success resets the backoff");
    }

    @Test
    void theBackoffSurvivesARestart() throws IOException {
        Path file = dir.resolve("staff-pin");
        StaffPin.store(file, "482913".toCharArray());
        Ticking clock = new Ticking();
        StaffPin before = StaffPin.load(file, clock);
        before.check("000000".toCharArray());
        clock.now = clock.now.plusSeconds(1);
        assertEquals(new StaffPin.Check.Wrong(Duration.ofSeconds(2)), before.check("111111".toCharArray()));

        StaffPin restarted = StaffPin.load(file, clock);
        assertInstanceOf(StaffPin.Check.TooSoon.class, restarted.check("482913".toCharArray()),
                "a restart does not lift the wait");
        clock.now = clock.now.plusSeconds(2);
        assertEquals(new StaffPin.Check.Wrong(Duration.ofSeconds(4)), restarted.check("222222".toCharArray()),
                "nor reset the count");
    }
}
