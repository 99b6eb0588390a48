package jp.certkiosk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;
import jp.certkiosk.app.journal.H2Journal;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.sim.IssuedCard;
import jp.certkiosk.sim.MunicipalSimulator;
import jp.certkiosk.sim.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the headless command the way a vendor does, with the shipped logging configuration and the
 * kiosk's own loggers at every level, and searches every trace it leaves — log records, standard
 * output and error, the report, the journal — for the PINs that were typed. (Libraries stay at
 * their shipped levels: at FINE, font parsers dump tables of glyph numbers that hold any 4 digits.)
 */
class NoPinInTracesTest {
    /** Ids and hashes may contain any digits; they are taken out before the search. */
    private static final Pattern IDS = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9A-Za-z_-]{16,}");

    @TempDir Path dir;

    @Test
    void noTypedPinAppearsInAnyLogLineJournalRowOrReport() throws Exception {
        Path data = dir.resolve("var");
        String right;
        try (MunicipalSimulator sim = MunicipalSimulator.start(SimulatorOptions.defaults(data.resolve("sim")))) {
            right = sim.card("adult").map(IssuedCard::pin).orElseThrow();
        }
        List<String> typed = List.of(wrong(right, 4), wrong(right, 7), right);
        Path scenario = Files.writeString(dir.resolve("scenario.json"), """
                {"transactions": [
                  {"card": "adult", "pins": ["%s", "%s", "%s"], "document": "RESIDENT_RECORD_COPY"}
                ]}""".formatted(typed.get(0), typed.get(1), typed.get(2)));
        Path report = dir.resolve("report.json");

        List<String> logLines = new ArrayList<>();
        jp.certkiosk.app.Main.configureLogging();
        Logger root = Logger.getLogger("");
        Logger kiosk = Logger.getLogger("jp.certkiosk");
        Level previous = kiosk.getLevel();
        Handler capture = new Handler() {
            final SimpleFormatter format = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                synchronized (logLines) {
                    logLines.add(format.format(record));
                }
            }

            @Override public void flush() {}
            @Override public void close() {}
        };
        capture.setLevel(Level.ALL);
        kiosk.setLevel(Level.ALL);
        root.addHandler(capture);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        int exit;
        try {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            exit = new picocli.CommandLine(new DemoMain()).execute("headless", "--scenario", scenario.toString(),
                    "--report", report.toString(), "--data", data.toString(), "--out", dir.resolve("out").toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.removeHandler(capture);
            kiosk.setLevel(previous);
        }
        assertEquals(0, exit, console.toString(StandardCharsets.UTF_8));

        String reportText = Files.readString(report);
        assertTrue(reportText.contains("\"ISSUED\""), reportText);
        List<String> journalRows = new ArrayList<>();
        try (H2Journal journal = H2Journal.open(data.resolve("journal"))) {
            for (JournalEntry entry : journal.entries()) {
                journalRows.add(entry.toString());
            }
        }
        assertFalse(logLines.isEmpty(), "the run logs something, so the search means something");
        assertFalse(journalRows.isEmpty());

        List<String> traces = new ArrayList<>(logLines);
        traces.add(console.toString(StandardCharsets.UTF_8));
        traces.add(reportText);
        traces.addAll(journalRows);
        for (String pin : typed) {
            Pattern asToken = Pattern.compile("(?<![0-9])" + pin + "(?![0-9])");
            for (String trace : traces) {
                String withoutIds = IDS.matcher(trace).replaceAll("<id>");
                assertFalse(asToken.matcher(withoutIds).find(), () -> "a typed PIN appears in: " + trace);
            }
        }
    }

    /** The right PIN with its first digit moved on by {@code n}: a wrong PIN of the right shape. */
    static String wrong(String right, int n) {
        char[] digits = right.toCharArray();
        digits[0] = (char) ('0' + (digits[0] - '0' + n) % 10);
        return new String(digits);
    }
}
