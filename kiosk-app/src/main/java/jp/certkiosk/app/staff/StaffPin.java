package jp.certkiosk.app.staff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The staff PIN, kept only as a salted PBKDF2-HMAC-SHA256 hash in one line of a file
 * ({@code pbkdf2-sha256:<iterations>:<salt>:<hash>}). Every wrong try doubles the wait before the
 * next is even checked (1 s, 2 s, 4 s … up to 5 minutes), on an injected clock.
 */
public final class StaffPin {
    private static final int ITERATIONS = 210_000;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final String stored;
    private final Clock clock;
    private final Path backoffFile;
    private int failures;
    private Instant lockedUntil = Instant.MIN;

    private StaffPin(String stored, Clock clock, Path backoffFile) {
        this.stored = stored;
        this.clock = clock;
        this.backoffFile = backoffFile;
    }

    /**
     * Reads the hash from {@code file}; the file holds no PIN. The back-off (wrong tries in a row and
     * the time until the next try) is kept beside it in {@code <file>.backoff}, so a restart of the
     * kiosk does not reset it.
     */
    public static StaffPin load(Path file, Clock clock) throws IOException {
        StaffPin pin = new StaffPin(Files.readString(file, StandardCharsets.US_ASCII).trim(), clock,
                file.resolveSibling(file.getFileName() + ".backoff"));
        pin.readBackoff();
        return pin;
    }

    private void readBackoff() {
        try {
            if (Files.exists(backoffFile)) {
                String[] parts = Files.readString(backoffFile, StandardCharsets.US_ASCII).trim().split(" ");
                failures = Integer.parseInt(parts[0]);
                lockedUntil = Instant.parse(parts[1]);
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: the strictest back-off rather than none
            failures = 16;
            lockedUntil = clock.instant().plus(MAX_BACKOFF);
        }
    }

    /** Written aside and moved into place: a crash leaves the old back-off or the new one. */
    private void writeBackoff() {
        try {
            Path partial = backoffFile.resolveSibling(backoffFile.getFileName() + ".part");
            Files.writeString(partial, failures + " " + (lockedUntil.equals(Instant.MIN) ? Instant.EPOCH : lockedUntil)
                    + "\n", StandardCharsets.US_ASCII);
            Files.move(partial, backoffFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot keep the staff PIN back-off: " + e.getMessage(), e);
        }
    }

    /** Writes the hash of {@code pin} to {@code file} (the caller wipes {@code pin}). */
    public static void store(Path file, char[] pin) throws IOException {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, "pbkdf2-sha256:" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash(pin, salt, ITERATIONS)) + "\n", StandardCharsets.US_ASCII);
    }

    /** The outcome of one try. */
    public sealed interface Check {
        record Accepted() implements Check {}

        record Wrong(Duration waitFor) implements Check {}

        /** Tried again too soon: the PIN was not even compared. */
        record TooSoon(Duration waitFor) implements Check {}
    }

    public synchronized Check check(char[] pin) {
        Instant now = clock.instant();
        if (now.isBefore(lockedUntil)) {
            return new Check.TooSoon(Duration.between(now, lockedUntil));
        }
        String[] parts = stored.split(":");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            throw new IllegalStateException("the staff PIN file is not a pbkdf2-sha256 hash");
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = hash(pin, salt, Integer.parseInt(parts[1]));
        if (MessageDigest.isEqual(expected, actual)) {
            failures = 0;
            lockedUntil = Instant.MIN;
            writeBackoff();
            return new Check.Accepted();
        }
        failures++;
        Duration wait = Duration.ofSeconds(1L << Math.min(failures - 1, 16));
        if (wait.compareTo(MAX_BACKOFF) > 0) {
            wait = MAX_BACKOFF;
        }
        lockedUntil = now.plus(wait);
        writeBackoff();
        return new Check.Wrong(wait);
    }

    private static byte[] hash(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

}
