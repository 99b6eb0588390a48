package jp.certkiosk.sim.endpoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The open sessions: ten minutes each from opening, usable only from the kiosk that opened them,
 * each allowed a bounded number of reservations. Rows of the shared database, so any instance
 * serves any call of a transaction.
 */
public final class SessionBook {
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    /** How many documents one session may reserve (each reservation is one document, up to 10 copies). */
    public static final int MAX_RESERVATIONS = 5;

    private final DataSource database;
    private final Clock clock;
    private final RandomIds ids;

    public SessionBook(DataSource database, Clock clock, RandomIds ids) {
        this.database = database;
        this.clock = clock;
        this.ids = ids;
    }

    public OpenSession open(String kioskId, String certificateSha256, String residentId, String municipalityCode) {
        Instant now = clock.instant();
        OpenSession session = new OpenSession(ids.next(), kioskId, certificateSha256, residentId, municipalityCode,
                now.plus(LIFETIME));
        try (Connection connection = database.getConnection()) {
            try (PreparedStatement sweep = connection.prepareStatement(
                    "DELETE FROM kiosk_session WHERE expires_at <= ?")) {
                sweep.setObject(1, ChallengeBook.utc(now));
                sweep.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO kiosk_session (session_id, kiosk_id, certificate_sha256, resident_id,
                        municipality_code, expires_at) VALUES (?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, session.sessionId());
                insert.setString(2, kioskId);
                insert.setString(3, certificateSha256);
                insert.setString(4, residentId);
                insert.setString(5, municipalityCode);
                insert.setObject(6, ChallengeBook.utc(session.expiresAt()));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a session", e);
        }
        return session;
    }

    /** The session if it exists, has not expired and was opened by this kiosk. */
    public Optional<OpenSession> find(String sessionId, String kioskId) {
        if (sessionId == null) {
            return Optional.empty();
        }
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT certificate_sha256, resident_id, municipality_code, expires_at FROM kiosk_session
                     WHERE session_id = ? AND kiosk_id = ? AND expires_at > ?""")) {
            select.setString(1, sessionId);
            select.setString(2, kioskId);
            select.setObject(3, ChallengeBook.utc(clock.instant()));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new OpenSession(sessionId, kioskId, row.getString(1), row.getString(2),
                        row.getString(3), row.getObject(4, OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a session", e);
        }
    }
}
