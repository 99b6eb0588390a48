package jp.certkiosk.app.journal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal in an embedded H2 database file, so it survives a crash or a restart of the kiosk:
 * a transaction left in doubt (reserved, never confirmed) can be found and settled later.
 */
public final class H2Journal implements Journal {
    private final Connection connection;

    private H2Journal(Connection connection) {
        this.connection = connection;
    }

    /** Opens (or creates) {@code <directory>/journal.mv.db}. */
    public static H2Journal open(Path directory) {
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("journal") + ";AUTO_SERVER=FALSE";
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
                          detail VARCHAR(200))""");
            }
            return new H2Journal(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the journal in " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void record(JournalEntry entry) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO journal (at, transaction_id, stage, issuance_id, detail) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, entry.at().atOffset(java.time.ZoneOffset.UTC));
            insert.setString(2, entry.transactionId());
            insert.setString(3, entry.stage().name());
            insert.setString(4, entry.issuanceId());
            insert.setString(5, entry.detail());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the journal: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<JournalEntry> entries() {
        List<JournalEntry> entries = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT at, transaction_id, stage, issuance_id, detail FROM journal ORDER BY seq")) {
            while (rows.next()) {
                entries.add(new JournalEntry(
                        rows.getObject(1, java.time.OffsetDateTime.class).toInstant(),
                        rows.getString(2), JournalStage.valueOf(rows.getString(3)),
                        rows.getString(4), rows.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal: " + e.getMessage(), e);
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
