package jp.certkiosk.sim.endpoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import jp.certkiosk.api.Challenge;

/**
 * The outstanding single-use challenges: 32 random bytes each, bound to the kiosk that asked,
 * valid for two minutes. A challenge is gone the moment anyone presents it. The challenges are
 * rows of the shared database, so that the instance that opens the session need not be the one
 * that issued the challenge; the delete that consumes a row is what decides who may use it.
 */
public final class ChallengeBook {
    public static final Duration LIFETIME = Duration.ofMinutes(2);
    private static final int NONCE_BYTES = 32;

    /** A challenge as the endpoint remembers it. */
    public record Outstanding(String challengeId, byte[] nonce, String kioskId, Instant expiresAt) {}

    private final DataSource database;
    private final Clock clock;
    private final RandomIds ids;

    public ChallengeBook(DataSource database, Clock clock, RandomIds ids) {
        this.database = database;
        this.clock = clock;
        this.ids = ids;
    }

    public Challenge issue(String kioskId) {
        Instant now = clock.instant();
        Outstanding challenge = new Outstanding(ids.next(), ids.bytes(NONCE_BYTES), kioskId, now.plus(LIFETIME));
        try (Connection connection = database.getConnection()) {
            try (PreparedStatement sweep = connection.prepareStatement(
                    "DELETE FROM kiosk_challenge WHERE expires_at <= ?")) {
                sweep.setObject(1, utc(now));
                sweep.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO kiosk_challenge (challenge_id, kiosk_id, nonce, expires_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, challenge.challengeId());
                insert.setString(2, kioskId);
                insert.setBytes(3, challenge.nonce());
                insert.setObject(4, utc(challenge.expiresAt()));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a challenge", e);
        }
        return new Challenge(challenge.challengeId(), challenge.nonce().clone(), challenge.expiresAt());
    }

    /**
     * Removes the challenge and returns it if it was outstanding and has not expired. Of two
     * requests presenting the same challenge at once (on any instances), only the one whose delete
     * removed the row gets it.
     */
    public Optional<Outstanding> consume(String challengeId) {
        if (challengeId == null) {
            return Optional.empty();
        }
        try (Connection connection = database.getConnection()) {
            Outstanding challenge;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT kiosk_id, nonce, expires_at FROM kiosk_challenge WHERE challenge_id = ?")) {
                select.setString(1, challengeId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    challenge = new Outstanding(challengeId, row.getBytes(2), row.getString(1),
                            row.getObject(3, OffsetDateTime.class).toInstant());
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM kiosk_challenge WHERE challenge_id = ?")) {
                delete.setString(1, challengeId);
                if (delete.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            return clock.instant().isBefore(challenge.expiresAt()) ? Optional.of(challenge) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot consume a challenge", e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
