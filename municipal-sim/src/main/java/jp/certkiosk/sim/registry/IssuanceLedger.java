package jp.certkiosk.sim.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.certkiosk.api.ApiJson;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.IssuanceOptions;
import jp.certkiosk.api.IssuanceState;

/**
 * The municipality's book of issuances: reservations and how each ended at the printer. Every
 * decision is one statement or one transaction on the shared database, so instances agree: the
 * idempotency key is a unique constraint, the per-session bound a conditional update in the
 * reserving transaction, the confirmation a locked read-then-write, the expiry a conditional update.
 */
public final class IssuanceLedger {
    private static final String COLUMNS = """
            issuance_id, session_id, kiosk_id, idempotency_key, certificate_sha256, resident_id,
            document_type, copies, fee_yen, status, reserved_at, pdf, signed_statement, options, print_key""";
    private static final ObjectMapper JSON = ApiJson.newMapper();

    /** What recording a confirmation did. */
    public enum ConfirmationResult {
        /** The issuance left RESERVED for the confirmed outcome. */
        RECORDED,
        /** The same outcome was already recorded: nothing changed. */
        ALREADY_RECORDED,
        /** A different outcome was recorded before. */
        CONFLICT,
        /**
         * The reservation expired (FAILED, no fee) before a PRINTED confirmation came; the late
         * confirmation is kept ({@link #printedAfterExpiry()}): the document was printed all the same.
         */
        EXPIRED,
        UNKNOWN
    }

    /** What asking for a reservation did. */
    public sealed interface Reservation {
        /** Reserved now, or found reserved before under the same idempotency key. */
        record Reserved(IssuanceRecord issuance) implements Reservation {}
        /** The session has reserved as many documents as it may. */
        record LimitReached(int limit) implements Reservation {}
        /** The session expired (or never was). */
        record SessionGone() implements Reservation {}
    }

    /** How long a reservation waits for its confirmation before it expires to FAILED. */
    public static final Duration RESERVATION_LIFETIME = Duration.ofMinutes(15);
    /** The failure reason of an expired reservation. */
    public static final String EXPIRED_REASON = "RESERVATION_EXPIRED";

    private final RegistryDatabase database;
    private final Clock clock;

    public IssuanceLedger(RegistryDatabase database) {
        this(database, Clock.systemUTC());
    }

    /** @param clock decides when reservations expire */
    public IssuanceLedger(RegistryDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Records a new reservation and counts it against the session's bound, in one transaction. If
     * the session already used the idempotency key (a repeat, also one arriving at the same moment
     * on another instance), nothing is written or counted and the reservation stored first is
     * returned: the unique constraint on (session, key) decides which of two racing inserts wins.
     */
    public Reservation reserve(IssuanceRecord issuance, int maxPerSession) {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                insert(connection, issuance);
                try (PreparedStatement count = connection.prepareStatement("""
                        UPDATE kiosk_session SET reservations = reservations + 1
                        WHERE session_id = ? AND expires_at > ? AND reservations < ?""")) {
                    count.setString(1, issuance.sessionId());
                    count.setObject(2, issuance.reservedAt().atOffset(ZoneOffset.UTC));
                    count.setInt(3, maxPerSession);
                    if (count.executeUpdate() != 1) {
                        connection.rollback();
                        return sessionOpen(connection, issuance.sessionId(), issuance.reservedAt())
                                ? new Reservation.LimitReached(maxPerSession) : new Reservation.SessionGone();
                    }
                }
                connection.commit();
                return new Reservation.Reserved(issuance);
            } catch (SQLIntegrityConstraintViolationException e) {
                connection.rollback();
                return new Reservation.Reserved(bySessionAndKey(issuance.sessionId(), issuance.idempotencyKey())
                        .orElseThrow(() -> new RegistryException("cannot reserve an issuance", e)));
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new RegistryException("cannot reserve an issuance", e);
        }
    }

    private static boolean sessionOpen(Connection connection, String sessionId, Instant at) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM kiosk_session WHERE session_id = ? AND expires_at > ?")) {
            select.setString(1, sessionId);
            select.setObject(2, at.atOffset(ZoneOffset.UTC));
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Ends every reservation whose time ran out without a confirmation: FAILED, reason
     * {@value #EXPIRED_REASON}, no fee. One statement; any instance may run it at any time.
     *
     * @return how many expired now
     */
    public int expireReservations() {
        try (Connection connection = database.connection();
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE issuance SET status = 'FAILED', failure_reason = ?, confirmed_at = expires_at
                     WHERE status = 'RESERVED' AND expires_at <= ?""")) {
            update.setString(1, EXPIRED_REASON);
            update.setObject(2, clock.instant().atOffset(ZoneOffset.UTC));
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new RegistryException("cannot expire reservations", e);
        }
    }

    private void insert(Connection connection, IssuanceRecord issuance) throws SQLException, JsonProcessingException {
        try (PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO issuance (" + COLUMNS + ", expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 1;
            insert.setString(i++, issuance.issuanceId());
            insert.setString(i++, issuance.sessionId());
            insert.setString(i++, issuance.kioskId());
            insert.setString(i++, issuance.idempotencyKey());
            insert.setString(i++, issuance.certificateSha256());
            insert.setString(i++, issuance.residentId());
            insert.setString(i++, issuance.documentType().name());
            insert.setInt(i++, issuance.copies());
            insert.setInt(i++, issuance.feeYen());
            insert.setString(i++, issuance.status().name());
            insert.setObject(i++, issuance.reservedAt().atOffset(ZoneOffset.UTC));
            insert.setBytes(i++, issuance.pdf());
            insert.setBytes(i++, issuance.signedStatement());
            insert.setString(i++, JSON.writeValueAsString(issuance.options()));
            insert.setBytes(i++, issuance.printKey());
            // microseconds, as the column keeps them: a value rounded up would outlive its expiry
            insert.setObject(i, issuance.reservedAt().plus(RESERVATION_LIFETIME)
                    .truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    public Optional<IssuanceRecord> bySessionAndKey(String sessionId, String idempotencyKey) {
        return query("SELECT " + COLUMNS + " FROM issuance WHERE session_id = ? AND idempotency_key = ?",
                sessionId, idempotencyKey);
    }

    /** The most recent issuance of another session: what shared per-request state would hand out by mistake. */
    public Optional<IssuanceRecord> latestOfAnotherSession(String sessionId) {
        return query("SELECT " + COLUMNS + " FROM issuance WHERE session_id <> ? ORDER BY reserved_at DESC LIMIT 1",
                sessionId);
    }

    /** Where an issuance of this kiosk stands (the recovery query); empty for another kiosk's. */
    public Optional<IssuanceState> state(String issuanceId, String kioskId) {
        expireReservations();
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT document_type, copies, fee_yen, status, failure_reason, reserved_at, confirmed_at "
                             + "FROM issuance WHERE issuance_id = ? AND kiosk_id = ?")) {
            statement.setString(1, issuanceId);
            statement.setString(2, kioskId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                IssuanceState.Status status = IssuanceState.Status.valueOf(row.getString("status"));
                OffsetDateTime confirmed = row.getObject("confirmed_at", OffsetDateTime.class);
                int fee = row.getInt("fee_yen");
                return Optional.of(new IssuanceState(issuanceId, DocumentType.valueOf(row.getString("document_type")),
                        row.getInt("copies"), fee, status, row.getString("failure_reason"),
                        row.getObject("reserved_at", OffsetDateTime.class).toInstant(),
                        confirmed == null ? null : confirmed.toInstant(),
                        status == IssuanceState.Status.PRINTED ? fee : 0));
            }
        } catch (SQLException e) {
            throw new RegistryException("cannot read an issuance", e);
        }
    }

    /** Issuances whose PRINTED confirmation came after their reservation expired, oldest first. */
    public List<String> printedAfterExpiry() {
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT issuance_id FROM issuance WHERE printed_late_at IS NOT NULL ORDER BY printed_late_at");
             ResultSet rows = statement.executeQuery()) {
            List<String> ids = new java.util.ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new RegistryException("cannot list the late prints", e);
        }
    }

    /** The fees charged: the sum over PRINTED issuances (a reservation alone charges nothing). */
    public long feesChargedYen() {
        expireReservations();
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT COALESCE(SUM(fee_yen), 0) FROM issuance WHERE status = 'PRINTED'");
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new RegistryException("cannot sum the fees", e);
        }
    }

    private static IssuanceOptions options(String json) {
        if (json == null) {
            return IssuanceOptions.standard();
        }
        try {
            return JSON.readValue(json, IssuanceOptions.class);
        } catch (JsonProcessingException e) {
            throw new RegistryException("cannot read the options of an issuance", e);
        }
    }

    public Optional<IssuanceRecord> byId(String issuanceId) {
        return query("SELECT " + COLUMNS + " FROM issuance WHERE issuance_id = ?", issuanceId);
    }

    /**
     * Records how a RESERVED issuance ended, once. Only the kiosk that reserved it may confirm it;
     * for any other kiosk the issuance is {@link ConfirmationResult#UNKNOWN}.
     */
    public ConfirmationResult confirm(String issuanceId, String kioskId, IssuanceStatus outcome, String reason,
                                      Instant at) {
        if (outcome == IssuanceStatus.RESERVED) {
            throw new IllegalArgumentException("a confirmation ends a reservation");
        }
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                IssuanceStatus current;
                boolean expired;
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT status, failure_reason, expires_at FROM issuance WHERE issuance_id = ? AND kiosk_id = ? "
                                + "FOR UPDATE")) {
                    select.setString(1, issuanceId);
                    select.setString(2, kioskId);
                    try (ResultSet row = select.executeQuery()) {
                        if (!row.next()) {
                            connection.rollback();
                            return ConfirmationResult.UNKNOWN;
                        }
                        current = IssuanceStatus.valueOf(row.getString(1));
                        OffsetDateTime expiresAt = row.getObject(3, OffsetDateTime.class);
                        boolean runOut = current == IssuanceStatus.RESERVED && expiresAt != null
                                && !at.isBefore(expiresAt.toInstant());
                        expired = runOut || (current == IssuanceStatus.FAILED
                                && EXPIRED_REASON.equals(row.getString(2)));
                        if (runOut) {
                            // the confirmation came too late: the reservation ends FAILED, no fee
                            try (PreparedStatement update = connection.prepareStatement(
                                    "UPDATE issuance SET status = 'FAILED', failure_reason = ?, confirmed_at = expires_at "
                                            + "WHERE issuance_id = ?")) {
                                update.setString(1, EXPIRED_REASON);
                                update.setString(2, issuanceId);
                                update.executeUpdate();
                            }
                            current = IssuanceStatus.FAILED;
                        }
                    }
                }
                if (expired) {
                    if (outcome == IssuanceStatus.PRINTED) {
                        // the kiosk's print outlived the reservation: it stays FAILED (no fee, as
                        // anyone who asked was told), but that a document exists is not lost
                        try (PreparedStatement late = connection.prepareStatement(
                                "UPDATE issuance SET printed_late_at = COALESCE(printed_late_at, ?) WHERE issuance_id = ?")) {
                            late.setObject(1, at.atOffset(ZoneOffset.UTC));
                            late.setString(2, issuanceId);
                            late.executeUpdate();
                        }
                    }
                    connection.commit();
                    return outcome == IssuanceStatus.FAILED ? ConfirmationResult.ALREADY_RECORDED
                            : ConfirmationResult.EXPIRED;
                }
                if (current == outcome) {
                    connection.rollback();
                    return ConfirmationResult.ALREADY_RECORDED;
                }
                if (current != IssuanceStatus.RESERVED) {
                    connection.rollback();
                    return ConfirmationResult.CONFLICT;
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE issuance SET status = ?, failure_reason = ?, confirmed_at = ? WHERE issuance_id = ?")) {
                    update.setString(1, outcome.name());
                    update.setString(2, reason);
                    update.setObject(3, at.atOffset(ZoneOffset.UTC));
                    update.setString(4, issuanceId);
                    update.executeUpdate();
                }
                connection.commit();
                return ConfirmationResult.RECORDED;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new RegistryException("cannot confirm an issuance", e);
        }
    }

    private Optional<IssuanceRecord> query(String sql, String... parameters) {
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new IssuanceRecord(
                        row.getString("issuance_id"),
                        row.getString("session_id"),
                        row.getString("kiosk_id"),
                        row.getString("idempotency_key"),
                        row.getString("certificate_sha256"),
                        row.getString("resident_id"),
                        DocumentType.valueOf(row.getString("document_type")),
                        row.getInt("copies"),
                        row.getInt("fee_yen"),
                        IssuanceStatus.valueOf(row.getString("status")),
                        row.getObject("reserved_at", OffsetDateTime.class).toInstant(),
                        row.getBytes("pdf"),
                        row.getBytes("signed_statement"),
                        options(row.getString("options")),
                        row.getBytes("print_key")));
            }
        } catch (SQLException e) {
            throw new RegistryException("cannot read an issuance", e);
        }
    }
}
