package jp.certkiosk.app.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal in an embedded H2 database file, so it survives a crash or a restart of the kiosk.
 *
 * <p>A row is durable when {@link #record} returns: H2 would otherwise keep commits up to half a
 * second in memory ({@code WRITE_DELAY}, 500 ms by default), and a kill -9 (the watchdog's SIGKILL)
 * would lose them. The database is opened with {@code WRITE_DELAY=0}, so every commit is written to
 * the file before the insert returns, and each row is then synced to the disk ({@code CHECKPOINT
 * SYNC}) for a power cut as well. {@link #writeDelayMillis()} reads the setting back from H2.
 */
public final class H2Journal implements Journal {
    /**
     * With {@code -Dcertkiosk.journal.echo=true} each durable row's stage is also written to standard
     * error ({@code journal-row STAGE}), so a crash test can kill the kiosk at a chosen row.
     */
    private static final boolean ECHO = Boolean.getBoolean("certkiosk.journal.echo");
    private static final String COLUMNS = "at, transaction_id, stage, issuance_id, yen, printer_job_id, print_state, detail";

    private final Connection connection;

    private H2Journal(Connection connection) {
        this.connection = connection;
    }

    /** Opens (or creates) {@code <directory>/journal.mv.db}. */
    public static H2Journal open(Path directory) {
        return open(directory, false);
    }

    /** Opens an existing journal; fails when {@code <directory>/journal.mv.db} does not exist. */
    public static H2Journal openExisting(Path directory) {
        if (!Files.exists(directory.resolve("journal.mv.db"))) {
            throw new IllegalStateException("no journal in " + directory.toAbsolutePath() + " (journal.mv.db)");
        }
        return open(directory, true);
    }

    private static H2Journal open(Path directory, boolean mustExist) {
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("journal")
                + ";AUTO_SERVER=FALSE;WRITE_DELAY=0" + (mustExist ? ";IFEXISTS=TRUE" : "");
        try {
            Connection connection = DriverManager.getConnection(url, "kiosk", "");
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        CREATE TABLE IF NOT EXISTS journal (
                          seq BIGINT AUTO_INCREMENT PRIMARY KEY,
                          at TIMESTAMP WITH TIME ZONE NOT NULL,
                          transaction_id VARCHAR(64) NOT NULL,
                          stage VARCHAR(32) NOT NULL,
                          issuance_id VARCHAR(64),
                          yen INT,
                          printer_job_id INT,
                          print_state VARCHAR(16),
                          detail VARCHAR(200))""");
                // journals written before the typed columns existed
                statement.execute("ALTER TABLE journal ADD COLUMN IF NOT EXISTS yen INT");
                statement.execute("ALTER TABLE journal ADD COLUMN IF NOT EXISTS printer_job_id INT");
                statement.execute("ALTER TABLE journal ADD COLUMN IF NOT EXISTS print_state VARCHAR(16)");
                // one transaction's rows are read after it ends: without the index, a read of the whole journal
                statement.execute("CREATE INDEX IF NOT EXISTS journal_transaction ON journal (transaction_id)");
            }
            return new H2Journal(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the journal in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** H2's write delay of this database as H2 reports it: 0 means every commit is written at once. */
    public synchronized int writeDelayMillis() {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            if (!row.next()) {
                throw new IllegalStateException("H2 does not report WRITE_DELAY");
            }
            return Integer.parseInt(row.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal's settings: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void record(JournalEntry entry) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO journal (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             Statement sync = connection.createStatement()) {
            insert.setObject(1, entry.at().atOffset(ZoneOffset.UTC));
            insert.setString(2, entry.transactionId());
            insert.setString(3, entry.stage().name());
            insert.setString(4, entry.issuanceId());
            setInt(insert, 5, entry.yen());
            setInt(insert, 6, entry.printerJobId());
            insert.setString(7, entry.printState() == null ? null : entry.printState().name());
            insert.setString(8, entry.detail());
            insert.executeUpdate();
            sync.execute("CHECKPOINT SYNC");
            if (ECHO) {
                System.err.println("journal-row " + entry.stage());
                System.err.flush();
            }
        } catch (SQLException e) {
            throw new JournalWriteFailed("cannot write the journal: " + e.getMessage(), e);
        }
    }

    private static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    @Override
    public synchronized List<JournalEntry> entries() {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM journal ORDER BY seq")) {
            return read(query);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<JournalEntry> entriesOf(String transactionId) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM journal WHERE transaction_id = ? ORDER BY seq")) {
            query.setString(1, transactionId);
            return read(query);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal: " + e.getMessage(), e);
        }
    }

    private static List<JournalEntry> read(PreparedStatement query) throws SQLException {
        List<JournalEntry> entries = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String state = rows.getString(7);
                entries.add(new JournalEntry(
                        rows.getObject(1, OffsetDateTime.class).toInstant(),
                        rows.getString(2), JournalStage.valueOf(rows.getString(3)), rows.getString(4),
                        rows.getObject(5, Integer.class), rows.getObject(6, Integer.class),
                        state == null ? null : JournalEntry.PrintState.valueOf(state), rows.getString(8)));
            }
        }
        return entries;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the journal: " + e.getMessage(), e);
        }
    }
}
