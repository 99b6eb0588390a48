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
 * halted right after writing (as kill -9 ends it: no shutdown hook, no close) leaves every row behind.
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
            JournalEntry last = rows.get(rows.size() - 1);
            assertEquals(JournalStage.CASH_TAKEN, last.stage());
            assertEquals(Writer.ROWS, last.yen());
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

    /** Writes rows, then halts the JVM at once, without closing the journal. */
    public static final class Writer {
        static final int ROWS = 20;
        static final int HALTED = 9;

        public static void main(String[] args) {
            H2Journal journal = H2Journal.open(Path.of(args[0]));
            for (int i = 1; i <= ROWS; i++) {
                journal.record(JournalEntry.money(Instant.now(), "tx", JournalStage.CASH_TAKEN, null, i, null));
            }
            Runtime.getRuntime().halt(HALTED);
        }
    }
}
