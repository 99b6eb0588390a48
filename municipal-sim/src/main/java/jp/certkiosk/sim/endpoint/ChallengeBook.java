package jp.certkiosk.sim.endpoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import jp.certkiosk.api.Challenge;

/**
 * The outstanding single-use challenges: 32 random bytes each, bound to the kiosk that asked,
 * valid for two minutes. A challenge is gone the moment anyone presents it.
 */
public final class ChallengeBook {
    public static final Duration LIFETIME = Duration.ofMinutes(2);
    private static final int NONCE_BYTES = 32;

    /** A challenge as the endpoint remembers it. */
    public record Outstanding(String challengeId, byte[] nonce, String kioskId, Instant expiresAt) {}

    private final ConcurrentMap<String, Outstanding> outstanding = new ConcurrentHashMap<>();
    private final Clock clock;
    private final RandomIds ids;

    public ChallengeBook(Clock clock, RandomIds ids) {
        this.clock = clock;
        this.ids = ids;
    }

    public Challenge issue(String kioskId) {
        Instant now = clock.instant();
        outstanding.values().removeIf(c -> !now.isBefore(c.expiresAt()));
        Outstanding challenge = new Outstanding(ids.next(), ids.bytes(NONCE_BYTES), kioskId, now.plus(LIFETIME));
        outstanding.put(challenge.challengeId(), challenge);
        return new Challenge(challenge.challengeId(), challenge.nonce().clone(), challenge.expiresAt());
    }

    /** Removes the challenge and returns it if it was outstanding and has not expired. */
    public Optional<Outstanding> consume(String challengeId) {
        if (challengeId == null) {
            return Optional.empty();
        }
        Outstanding challenge = outstanding.remove(challengeId);
        if (challenge == null || !clock.instant().isBefore(challenge.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(challenge);
    }
}
