package jp.certkiosk.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatTest {
    @TempDir Path dir;

    @Test
    void aBeatMovesTheFilesModificationTimeToTheBeat() throws Exception {
        Path file = dir.resolve("heartbeat");
        Instant first = Instant.parse("2026-11-28T10:00:00Z");
        new Heartbeat(file, Clock.fixed(first, ZoneOffset.UTC)).beat();
        assertEquals(first, Files.getLastModifiedTime(file).toInstant());

        Instant later = first.plusSeconds(5);
        new Heartbeat(file, Clock.fixed(later, ZoneOffset.UTC)).beat();
        assertEquals(later, Files.getLastModifiedTime(file).toInstant());
        assertTrue(Files.readString(file).startsWith("2026-11-28T10:00:05Z"));
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "no temporary files left beside the heartbeat");
        }
    }

    @Test
    void aBeatThatCannotBeWrittenSaysWhere() {
        Path file = dir.resolve("missing-dir").resolve("heartbeat");
        var e = assertThrows(UncheckedIOException.class, () -> new Heartbeat(file, Clock.systemUTC()).beat());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
