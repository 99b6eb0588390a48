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
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * The journal in an embedded H2 database file, so it survives a crash or a restart of the kiosk.
 *
 * <p>A row is durable when {@link #record} returns: H2 would otherwise keep commits up to half a
 * second in memory ({@code WRITE_DELAY}, 500 ms by default), and a kill -9 (the watchdog's SIGKILL)
 * would lose them. The database is opened with {@code WRITE_DELAY=0}, so every commit is written to
 * the file before the insert returns, and each row is then synced to the disk ({@code CHECKPOINT
 * SYNC}) for a power cut as well. {@link #writeDelayMillis()} reads the setting back from H2.
 *
 * <p>H2 writes each commit as a new chunk of its file, and it is H2's background writer that
 * rewrites the live pages of old, nearly empty chunks so the chunks can be freed; with no write
 * delay that writer never runs. Each row would then leave a chunk behind for good (one in eight
 * rows, measured: the file, H2's chunk table in the heap and each commit's work grow without
 * end over the months a kiosk runs). So every {@value #COMPACT_EVERY_ROWS} rows, once the row is
 * on disk, the journal has H2 rewrite those chunks itself and syncs the result before any row
 * follows ({@link #compact}): no row's durability depends on it, and the space of the old chunks
 * is reused only once their rewritten copy is on disk. H2 rewrites only chunks older than its
 * retention time (45 s). {@link #chunkCount()} reads H2's count back.
 */
public final class H2Journal implements Journal {
    private static final System.Logger LOG = System.getLogger(H2Journal.class.getName());
    /**
     * With {@code -Dcertkiosk.journal.echo=true} each durable row's stage is also written to standard
     * error ({@code journal-row STAGE}), so a crash test can kill the kiosk at a chosen row.
     */
    private static final boolean ECHO = Boolean.getBoolean("certkiosk.journal.echo");
    /** Rows between two compactions of the file: about four issuances (twelve rows each in the bench). */
    static final int COMPACT_EVERY_ROWS = 50;
    /** Chunks with less live data than this (percent) are rewritten. */
    private static final int COMPACT_BELOW_FILL_RATE = 80;
    /** At most this much is rewritten at a time. */
    private static final int COMPACT_WRITE_LIMIT_BYTES = 1 << 20;

    private static final String COLUMNS = "at, transaction_id, stage, issuance_id, yen, printer_job_id, print_state, detail";

    private final Connection connection;
    private final MVStore store;
    private int rowsSinceCompaction;

    private H2Journal(Connection connection) throws SQLException {
        this.connection = connection;
        // H2 has no SQL statement for compacting an open database: its store, through the embedded session
        this.store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession())
                .getDatabase().getStore().getMvStore();
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

    /**
     * For tests: a journal whose H2 keeps freed chunks for {@code retentionMillis} instead of its
     * 45 s. H2 rewrites only chunks older than that, so a test sees compaction without waiting.
     */
    static H2Journal openWithRetention(Path directory, int retentionMillis) {
        return open(directory, false, ";RETENTION_TIME=" + retentionMillis);
    }

    private static H2Journal open(Path directory, boolean mustExist) {
        return open(directory, mustExist, "");
    }

    private static H2Journal open(Path directory, boolean mustExist, String settings) {
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("journal")
                + ";AUTO_SERVER=FALSE;WRITE_DELAY=0" + settings + (mustExist ? ";IFEXISTS=TRUE" : "");
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
        return Integer.parseInt(setting("WRITE_DELAY"));
    }

    /** The chunks of the journal's file as H2 reports them (live ones and freed ones it still keeps). */
    public synchronized int chunkCount() {
        return Integer.parseInt(setting("info.CHUNK_COUNT"));
    }

    private String setting(String name) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("H2 does not report " + name);
                }
                return row.getString(1);
            }
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
        if (++rowsSinceCompaction >= COMPACT_EVERY_ROWS) {
            rowsSinceCompaction = 0;
            compact();
        }
    }

    /**
     * Has H2 rewrite the live pages of its old, nearly empty chunks into a new one, then syncs it, so
     * that the old chunks' space (freed once no version needs them) is overwritten only after their
     * contents are on disk again. The rows written so far are on disk already: a failure here is
     * logged and leaves them as they are (the next compaction tries again).
     */
    private void compact() {
        try (Statement sync = connection.createStatement()) {
            if (store.compact(COMPACT_BELOW_FILL_RATE, COMPACT_WRITE_LIMIT_BYTES)) {
                sync.execute("CHECKPOINT SYNC");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "journal compaction failed, the rows are on disk: " + e.getMessage());
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
