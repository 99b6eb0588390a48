package jp.certkiosk.sim.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Use registrations (利用登録申請): a resident asks the municipality of their registered domicile
 * to let them print family-register documents at kiosks. Filed PENDING; the domicile's
 * municipality approves it after {@link #APPROVAL_TIME} (checked against the clock, each check one
 * statement), or at once when an operator says so ({@link #approvePending}).
 */
public final class UseRegistrations {
    /** How long the domicile's municipality takes to approve a filed registration. */
    public static final Duration APPROVAL_TIME = Duration.ofDays(3);

    public enum Status { PENDING, APPROVED }

    /** A registration on file. */
    public record Filed(String residentId, String municipalityCode, Status status, Instant filedAt) {}

    private final RegistryDatabase database;

    public UseRegistrations(RegistryDatabase database) {
        this.database = database;
    }

    /** Files a registration; one already on file (whatever its state) is returned unchanged. */
    public Filed file(String residentId, String municipalityCode, Instant now) {
        try (Connection connection = database.connection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO use_registration (resident_id, municipality_code, status, filed_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, residentId);
            insert.setString(2, municipalityCode);
            insert.setString(3, Status.PENDING.name());
            insert.setObject(4, now.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLIntegrityConstraintViolationException e) {
            // filed before: the registration on file stands
        } catch (SQLException e) {
            throw new RegistryException("cannot file a use registration", e);
        }
        return find(residentId, municipalityCode, now).orElseThrow(
                () -> new RegistryException("a use registration vanished after filing", null));
    }

    /** The registration on file, approved first if its time has come at {@code now}. */
    public Optional<Filed> find(String residentId, String municipalityCode, Instant now) {
        try (Connection connection = database.connection()) {
            try (PreparedStatement approve = connection.prepareStatement(
                    "UPDATE use_registration SET status = 'APPROVED', approved_at = ? WHERE resident_id = ? "
                            + "AND municipality_code = ? AND status = 'PENDING' AND filed_at <= ?")) {
                approve.setObject(1, now.atOffset(ZoneOffset.UTC));
                approve.setString(2, residentId);
                approve.setString(3, municipalityCode);
                approve.setObject(4, now.minus(APPROVAL_TIME).atOffset(ZoneOffset.UTC));
                approve.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT status, filed_at FROM use_registration WHERE resident_id = ? AND municipality_code = ?")) {
                select.setString(1, residentId);
                select.setString(2, municipalityCode);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Filed(residentId, municipalityCode, Status.valueOf(row.getString(1)),
                            row.getObject(2, OffsetDateTime.class).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new RegistryException("cannot read a use registration", e);
        }
    }

    /** The domicile's municipalities approve every pending registration now; returns how many. */
    public int approvePending(Instant now) {
        try (Connection connection = database.connection();
             PreparedStatement approve = connection.prepareStatement(
                     "UPDATE use_registration SET status = 'APPROVED', approved_at = ? WHERE status = 'PENDING'")) {
            approve.setObject(1, now.atOffset(ZoneOffset.UTC));
            return approve.executeUpdate();
        } catch (SQLException e) {
            throw new RegistryException("cannot approve use registrations", e);
        }
    }
}
