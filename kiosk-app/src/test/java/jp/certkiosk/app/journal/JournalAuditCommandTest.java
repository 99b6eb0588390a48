package jp.certkiosk.app.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import jp.certkiosk.app.journal.JournalEntry.PrintState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code journal audit}: one JSON line of totals, exit 0 when every yen and issuance is accounted for, 1 when not. */
class JournalAuditCommandTest {
    @TempDir Path dir;

    String[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new JournalCommand()).execute(args);
            return new String[] {Integer.toString(exit), stdout.toString(StandardCharsets.UTF_8).trim(),
                    stderr.toString(StandardCharsets.UTF_8).trim()};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void aJournalThatAddsUpPassesAndOneThatDoesNotFails() {
        Instant now = Instant.now();
        try (H2Journal journal = H2Journal.open(dir.resolve("journal"))) {
            journal.record(JournalEntry.money(now, "t1", JournalStage.RESERVED, "i-1", 200, null));
            journal.record(JournalEntry.money(now, "t1", JournalStage.CASH_TAKEN, "i-1", 500, null));
            journal.record(JournalEntry.money(now, "t1", JournalStage.PAID, "i-1", 200, null));
            journal.record(JournalEntry.money(now, "t1", JournalStage.CHANGE_DUE, "i-1", 300, null));
            journal.record(JournalEntry.money(now, "t1", JournalStage.CHANGE_GIVEN, "i-1", 300, null));
            journal.record(JournalEntry.print(now, "t1", JournalStage.PRINTED, "i-1", 4, PrintState.PRINTED, null));
        }
        String[] ok = run("audit", "--data", dir.toString());
        assertEquals("0", ok[0], ok[2]);
        assertTrue(ok[1].startsWith("{\"ok\":true,\"takenYen\":500,\"feesKeptYen\":200"), ok[1]);
        assertEquals(1, ok[1].lines().count(), "one line");

        try (H2Journal journal = H2Journal.open(dir.resolve("journal"))) {
            // a coin taken between residents, never paid back nor owed
            journal.record(JournalEntry.money(now, "idle", JournalStage.CASH_TAKEN, null, 100, null));
        }
        String[] mismatch = run("audit", "--data", dir.toString());
        assertEquals("1", mismatch[0]);
        assertTrue(mismatch[1].contains("\"ok\":false"), mismatch[1]);
        assertTrue(mismatch[2].contains("100 yen taken not accounted for"), mismatch[2]);

        assertEquals("2", run("audit", "--data", dir.resolve("nowhere").toString())[0], "no journal: its own exit code");
    }
}
