package jp.certkiosk.sim.registry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The simulator's database: the resident register, the card certificates linked to residents, the
 * issuances, and every piece of state a request leaves for the next one (challenges, sessions,
 * revocation events, registered kiosks). H2 in file mode for one instance; any JDBC URL (an H2
 * TCP server, see {@link RegistryServer}) when several instances share it. The schema is created
 * on first open.
 */
public final class RegistryDatabase implements AutoCloseable {
    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS municipality (
            code VARCHAR(6) PRIMARY KEY,
            prefecture VARCHAR(20) NOT NULL,
            name VARCHAR(40) NOT NULL,
            mayor VARCHAR(40) NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS document_offer (
            municipality_code VARCHAR(6) NOT NULL REFERENCES municipality(code),
            document_type VARCHAR(40) NOT NULL,
            title VARCHAR(40) NOT NULL,
            fee_yen INT NOT NULL,
            position INT NOT NULL,
            PRIMARY KEY (municipality_code, document_type))""",
        """
        CREATE TABLE IF NOT EXISTS household (
            household_id VARCHAR(20) PRIMARY KEY,
            municipality_code VARCHAR(6) NOT NULL REFERENCES municipality(code),
            address VARCHAR(200) NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS resident (
            resident_id VARCHAR(20) PRIMARY KEY,
            household_id VARCHAR(20) NOT NULL REFERENCES household(household_id),
            position INT NOT NULL,
            name VARCHAR(100) NOT NULL,
            name_reading VARCHAR(100),
            birth_date DATE NOT NULL,
            sex VARCHAR(6) NOT NULL,
            relationship VARCHAR(20) NOT NULL,
            resident_since DATE NOT NULL,
            nationality VARCHAR(40),
            status_of_residence VARCHAR(60),
            period_of_stay_ends DATE,
            status VARCHAR(12) NOT NULL,
            kiosk_restricted BOOLEAN NOT NULL,
            seal_registered BOOLEAN NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS card_certificate (
            certificate_sha256 CHAR(64) PRIMARY KEY,
            resident_id VARCHAR(20) NOT NULL REFERENCES resident(resident_id))""",
        """
        CREATE TABLE IF NOT EXISTS issuance (
            issuance_id VARCHAR(40) PRIMARY KEY,
            session_id VARCHAR(64) NOT NULL,
            kiosk_id VARCHAR(64) NOT NULL,
            idempotency_key VARCHAR(100) NOT NULL,
            certificate_sha256 CHAR(64) NOT NULL,
            resident_id VARCHAR(20) NOT NULL,
            document_type VARCHAR(40) NOT NULL,
            copies INT NOT NULL,
            fee_yen INT NOT NULL,
            status VARCHAR(10) NOT NULL,
            failure_reason VARCHAR(200),
            reserved_at TIMESTAMP WITH TIME ZONE NOT NULL,
            confirmed_at TIMESTAMP WITH TIME ZONE,
            pdf BLOB NOT NULL,
            CONSTRAINT issuance_idempotency UNIQUE (session_id, idempotency_key))""",
        // added later: columns are only ever added, so a data directory of an older version still opens
        "ALTER TABLE resident ADD COLUMN IF NOT EXISTS domicile VARCHAR(200)",
        "ALTER TABLE resident ADD COLUMN IF NOT EXISTS domicile_head VARCHAR(100)",
        "ALTER TABLE issuance ADD COLUMN IF NOT EXISTS signed_statement BLOB",
        "ALTER TABLE issuance ADD COLUMN IF NOT EXISTS options VARCHAR(2000)",
        // the key that scrambles the printed back
        "ALTER TABLE issuance ADD COLUMN IF NOT EXISTS print_key VARBINARY(64)",
        // what certificates print beyond the record row: the previous address, the registered seal's text
        """
        CREATE TABLE IF NOT EXISTS resident_detail (
            resident_id VARCHAR(20) PRIMARY KEY REFERENCES resident(resident_id),
            previous_address VARCHAR(200),
            seal_impression VARCHAR(20))""",
        // family registers (戸籍) of the domicile's municipality, their annexes (附票), tax rolls, use registrations
        """
        CREATE TABLE IF NOT EXISTS family_register (
            register_id VARCHAR(20) PRIMARY KEY,
            municipality_code VARCHAR(6) NOT NULL,
            municipality_name VARCHAR(60) NOT NULL,
            domicile VARCHAR(200) NOT NULL,
            head_name VARCHAR(100) NOT NULL,
            compiled_by VARCHAR(10) NOT NULL,
            compiled_on DATE NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS register_person (
            register_id VARCHAR(20) NOT NULL REFERENCES family_register(register_id),
            position INT NOT NULL,
            resident_id VARCHAR(20),
            name VARCHAR(100) NOT NULL,
            birth_date DATE NOT NULL,
            father VARCHAR(100),
            mother VARCHAR(100),
            relationship VARCHAR(20) NOT NULL,
            spouse_role VARCHAR(4),
            removed BOOLEAN NOT NULL,
            events VARCHAR(8000) NOT NULL,
            PRIMARY KEY (register_id, position))""",
        "CREATE INDEX IF NOT EXISTS register_person_resident ON register_person(resident_id)",
        """
        CREATE TABLE IF NOT EXISTS annex_address (
            register_id VARCHAR(20) NOT NULL,
            position INT NOT NULL,
            seq INT NOT NULL,
            address VARCHAR(200) NOT NULL,
            since DATE NOT NULL,
            PRIMARY KEY (register_id, position, seq),
            FOREIGN KEY (register_id, position) REFERENCES register_person(register_id, position))""",
        """
        CREATE TABLE IF NOT EXISTS tax_record (
            resident_id VARCHAR(20) NOT NULL,
            fiscal_year INT NOT NULL,
            municipality_code VARCHAR(6) NOT NULL,
            address VARCHAR(200) NOT NULL,
            salary_income BIGINT NOT NULL,
            employment_income BIGINT NOT NULL,
            other_income BIGINT NOT NULL,
            total_income BIGINT NOT NULL,
            deductions BIGINT NOT NULL,
            taxable_income BIGINT NOT NULL,
            municipal_income_levy BIGINT NOT NULL,
            municipal_per_capita BIGINT NOT NULL,
            prefectural_income_levy BIGINT NOT NULL,
            prefectural_per_capita BIGINT NOT NULL,
            dependents INT NOT NULL,
            PRIMARY KEY (resident_id, fiscal_year))""",
        """
        CREATE TABLE IF NOT EXISTS use_registration (
            resident_id VARCHAR(20) NOT NULL,
            municipality_code VARCHAR(6) NOT NULL,
            status VARCHAR(10) NOT NULL,
            filed_at TIMESTAMP WITH TIME ZONE NOT NULL,
            approved_at TIMESTAMP WITH TIME ZONE,
            PRIMARY KEY (resident_id, municipality_code))""",
        // State that must hold across simulator instances sharing this database: rows with an
        // expiry, each check-and-set one statement or one transaction (no per-request memory).
        """
        CREATE TABLE IF NOT EXISTS kiosk_challenge (
            challenge_id VARCHAR(64) PRIMARY KEY,
            kiosk_id VARCHAR(64) NOT NULL,
            nonce VARBINARY(64) NOT NULL,
            expires_at TIMESTAMP WITH TIME ZONE NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS kiosk_challenge_expiry ON kiosk_challenge(expires_at)",
        """
        CREATE TABLE IF NOT EXISTS kiosk_session (
            session_id VARCHAR(64) PRIMARY KEY,
            kiosk_id VARCHAR(64) NOT NULL,
            certificate_sha256 CHAR(64) NOT NULL,
            resident_id VARCHAR(20) NOT NULL,
            municipality_code VARCHAR(6) NOT NULL,
            expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
            reservations INT DEFAULT 0 NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS kiosk_session_expiry ON kiosk_session(expires_at)",
        // the hotline's and the office's events, never updated: the status is the latest event
        """
        CREATE TABLE IF NOT EXISTS revocation_event (
            event_id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            certificate_serial VARCHAR(80) NOT NULL,
            event VARCHAR(12) NOT NULL,
            occurred_at TIMESTAMP WITH TIME ZONE NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS revocation_event_serial ON revocation_event(certificate_serial, event_id)",
        // the allow-list of kiosks: a client certificate of the kiosk CA alone is not enough
        """
        CREATE TABLE IF NOT EXISTS registered_kiosk (
            kiosk_id VARCHAR(64) PRIMARY KEY,
            certificate_sha256 CHAR(64) NOT NULL,
            registered_at TIMESTAMP WITH TIME ZONE NOT NULL)""",
        // a reservation that no confirmation ends by then expires to FAILED (no fee)
        "ALTER TABLE issuance ADD COLUMN IF NOT EXISTS expires_at TIMESTAMP WITH TIME ZONE",
        "CREATE INDEX IF NOT EXISTS issuance_open ON issuance(status, expires_at)",
        // a PRINTED confirmation that came after the reservation expired: the document exists all the same
        "ALTER TABLE issuance ADD COLUMN IF NOT EXISTS printed_late_at TIMESTAMP WITH TIME ZONE"
    };

    private final JdbcConnectionPool pool;

    private RegistryDatabase(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /** Opens (creating if needed) the database {@code registry} in {@code directory}, embedded. */
    public static RegistryDatabase open(Path directory) {
        return connect("jdbc:h2:file:" + directory.resolve("registry").toAbsolutePath() + ";AUTO_SERVER=FALSE");
    }

    /**
     * Connects to the registry at a JDBC URL (e.g. {@code jdbc:h2:tcp://localhost:9092/registry},
     * the database several simulator instances share), creating the schema where it is missing.
     */
    public static RegistryDatabase connect(String jdbcUrl) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, "sa", "");
        pool.setMaxConnections(32);
        RegistryDatabase database = new RegistryDatabase(pool);
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            for (String ddl : SCHEMA) {
                statement.execute(ddl);
            }
        } catch (SQLException e) {
            pool.dispose();
            throw new RegistryException("cannot open the registry database", e);
        }
        return database;
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** The connections, for the state kept outside the registry package (sessions, challenges, revocations). */
    public DataSource dataSource() {
        return pool;
    }

    /** Closes every pooled connection; H2 then closes the database file. */
    @Override
    public void close() {
        pool.dispose();
    }
}
