package jp.certkiosk.sim.pki;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
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

/**
 * The revocation status of the user-authentication certificates, as the OCSP responder reports
 * it: suspended after a lost card was reported on the hotline (certificateHold, lifted when the
 * card is found), or revoked for good. Certificates not listed are good.
 *
 * <p>Kept as events in the shared database (table {@code revocation_event}), never updated: a
 * suspension survives a restart and is seen by every instance; the status is the latest event.
 */
public final class RevocationRegister {
    /** Why a certificate is not good. */
    public enum Reason { SUSPENDED, REVOKED }

    /** An entry of the register: since when and why. */
    public record Entry(Reason reason, Instant since) {}

    private static final String REINSTATED = "REINSTATED";
    private static final String LATEST = """
            (SELECT e.event FROM revocation_event e WHERE e.certificate_serial = ?
             ORDER BY e.event_id DESC LIMIT 1)""";

    private final DataSource database;
    private final Clock clock;

    public RevocationRegister(DataSource database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A lost card reported: its certificate is suspended from now on (unless it is revoked). */
    public void suspend(X509Certificate certificate) {
        String serial = serial(certificate.getSerialNumber());
        // one statement: a revoked certificate is never brought back to a mere suspension
        record(serial, Reason.SUSPENDED.name(), clock.instant(),
                "COALESCE(" + LATEST + ", '') <> 'REVOKED'", serial);
    }

    public void revoke(X509Certificate certificate) {
        record(serial(certificate.getSerialNumber()), Reason.REVOKED.name(), clock.instant(), "TRUE");
    }

    /** The card was found and brought to the municipal office: the suspension is lifted. */
    public void reinstate(X509Certificate certificate) {
        String serial = serial(certificate.getSerialNumber());
        record(serial, REINSTATED, clock.instant(), LATEST + " = 'SUSPENDED'", serial);
    }

    public Optional<Entry> status(BigInteger serialNumber) {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT event, occurred_at FROM revocation_event WHERE certificate_serial = ?
                     ORDER BY event_id DESC LIMIT 1""")) {
            select.setString(1, serial(serialNumber));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getString(1).equals(REINSTATED)) {
                    return Optional.empty();
                }
                return Optional.of(new Entry(Reason.valueOf(row.getString(1)),
                        row.getObject(2, OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the revocation register", e);
        }
    }

    /**
     * Registers a seeded card's condition as it was a day before the clock's time, unless the
     * register already holds an event for that certificate (a reinstated card stays reinstated).
     */
    void seed(X509Certificate certificate, CertificateCondition condition) {
        Reason reason = switch (condition) {
            case SUSPENDED -> Reason.SUSPENDED;
            case REVOKED -> Reason.REVOKED;
            default -> null;
        };
        if (reason != null) {
            String serial = serial(certificate.getSerialNumber());
            record(serial, reason.name(), clock.instant().minus(Duration.ofDays(1)),
                    "NOT EXISTS (SELECT 1 FROM revocation_event e WHERE e.certificate_serial = ?)", serial);
        }
    }

    /** Appends an event when {@code condition} (SQL, with its parameters) holds: one statement. */
    private void record(String serial, String event, Instant at, String condition, String... parameters) {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO revocation_event (certificate_serial, event, occurred_at) SELECT ?, ?, ? "
                             + "FROM (VALUES (0)) WHERE " + condition)) {
            insert.setString(1, serial);
            insert.setString(2, event);
            // a status reported before the validation time: the checker compares it with its own date
            insert.setObject(3, at.minusSeconds(1).atOffset(ZoneOffset.UTC));
            for (int i = 0; i < parameters.length; i++) {
                insert.setString(4 + i, parameters[i]);
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a revocation event", e);
        }
    }

    private static String serial(BigInteger serialNumber) {
        return serialNumber.toString(16);
    }
}
