package jp.certkiosk.app.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row is on disk when {@link H2Journal#record} returns: H2 reports no write delay, and a process
 * halted right after writing (as kill -9 ends it: no shutdown hook, no close) leaves every row behind,
 * also across the journal's compactions of its file. And the file does not keep a chunk for each row.
 */
class H2JournalDurabilityTest {
    @TempDir Path dir;

    @Test
    void h2ReportsNoWriteDelay() {
        try (H2Journal journal = H2Journal.open(dir)) {
            assertEquals(0, journal.writeDelayMillis(), "H2 would keep commits in memory for this long");
        }
    }

    @Test
    void rowsWrittenJustBeforeTheProcessIsHaltedSurvive() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the writer did not end");
        String output = new String(child.getInputStream().readAllBytes());
        assertEquals(Writer.HALTED, child.exitValue(), output);

        try (H2Journal journal = H2Journal.open(dir)) {
            List<JournalEntry> rows = journal.entries();
            assertEquals(Writer.ROWS, rows.size(), "every row written before the halt is there");
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(i + 1, rows.get(i).yen(), "row " + (i + 1) + " as written");
            }
            JournalEntry last = rows.get(rows.size() - 1);
            assertEquals(JournalStage.CASH_TAKEN, last.stage());
            assertEquals(Writer.ROWS, last.yen());
        }
    }

    @Test
    void theFileKeepsNoChunkForEachRow() {
        // H2 rewrites only chunks older than its retention time (45 s): 0 here, so no waiting
        try (H2Journal journal = H2Journal.openWithRetention(dir, 0)) {
            int rows = 10 * H2Journal.COMPACT_EVERY_ROWS;
            for (int i = 1; i <= rows; i++) {
                journal.record(JournalEntry.money(Instant.now(), "tx-" + i / 8, JournalStage.CASH_TAKEN, "i-" + i, i,
                        "change paid"));
            }
            int chunks = journal.chunkCount();
            // without compaction some one row in eight leaves a live chunk (about 65 here); with it, 10 to 20
            assertTrue(chunks <= 30,
                    "H2 keeps " + chunks + " chunks for " + rows + " rows");
            assertEquals(rows, journal.entries().size());
        }
    }

    @Test
    void aLongNoteIsCutToTheColumnNeverRefusedAndTheTypedColumnsRoundTrip() {
        try (H2Journal journal = H2Journal.open(dir)) {
            String printerError = "printer unreachable: " + "x".repeat(500);
            journal.record(JournalEntry.print(Instant.now(), "tx", JournalStage.PRINT_FAILED, "i-1", 42,
                    JournalEntry.PrintState.FAILED, printerError));
            JournalEntry row = journal.entries().get(0);
            assertEquals(JournalEntry.DETAIL_LIMIT, row.detail().length());
            assertEquals(42, row.printerJobId());
            assertEquals(JournalEntry.PrintState.FAILED, row.printState());
        }
    }

    /**
     * Writes rows, then halts the JVM at once, without closing the journal. Enough rows for two
     * compactions of the file, the last one shortly before the halt (retention 0: H2 rewrites at once).
     */
    public static final class Writer {
        static final int ROWS = 2 * H2Journal.COMPACT_EVERY_ROWS + 3;
        static final int HALTED = 9;

        public static void main(String[] args) {
            H2Journal journal = H2Journal.openWithRetention(Path.of(args[0]), 0);
            for (int i = 1; i <= ROWS; i++) {
                journal.record(JournalEntry.money(Instant.now(), "tx", JournalStage.CASH_TAKEN, null, i, null));
            }
            Runtime.getRuntime().halt(HALTED);
        }
    }
}
