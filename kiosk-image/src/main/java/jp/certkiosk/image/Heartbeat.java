package jp.certkiosk.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Optional;

/**
 * The kiosk's sign of life for its supervisor: a file whose modification time the kiosk moves
 * forward while it works. {@code bin/kiosk-session} turns fresh beats into systemd's READY=1 and
 * WATCHDOG=1 (Java cannot write to systemd's notification datagram socket itself); a beat that
 * stops coming lets the watchdog restart the kiosk.
 */
public final class Heartbeat {
    /** The environment variable through which the supervisor names the heartbeat file. */
    public static final String ENVIRONMENT_VARIABLE = "KIOSK_HEARTBEAT";

    private final Path file;
    private final Clock clock;

    public Heartbeat(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** The heartbeat the supervisor asked for, if the kiosk runs under one. */
    public static Optional<Heartbeat> fromEnvironment() {
        String name = System.getenv(ENVIRONMENT_VARIABLE);
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Heartbeat(Path.of(name), Clock.systemUTC()));
    }

    public Path file() {
        return file;
    }

    /**
     * One beat: the file holds the beat's time and carries it as its modification time. Written
     * beside and moved into place, so the supervisor never reads half a beat.
     */
    public void beat() {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Path next = Files.createTempFile(dir, ".heartbeat", ".tmp");
            try {
                FileTime now = FileTime.from(clock.instant());
                Files.writeString(next, now + "\n");
                Files.setLastModifiedTime(next, now);
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(next);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("heartbeat " + file + " not written", e);
        }
    }
}
