package jp.certkiosk.app.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.certkiosk.api.ApiJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario file that is wrong is refused naming its line and key; a report appears whole or not at all. */
class ScenarioFileTest {
    @TempDir
    Path dir;

    @Test
    void aValueOfTheWrongKindNamesItsLineAndKey() {
        String text = """
                { "transactions": [
                    { "card": "adult", "pins": ["1234"],
                      "document": "RESIDENT_RECORD_COPY", "copies": "two" } ] }
                """;
        ScenarioFile.Invalid e = assertThrows(ScenarioFile.Invalid.class,
                () -> ScenarioFile.parse("s.json", text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("scenario s.json: line 3, column "), e.getMessage());
        assertTrue(e.getMessage().contains("key transactions[0].copies"), e.getMessage());
    }

    @Test
    void anUnknownKeyIsNamed() {
        String text = "{ \"transactions\": [\n  { \"card\": \"adult\", \"copeis\": 2 } ] }";
        ScenarioFile.Invalid e = assertThrows(ScenarioFile.Invalid.class,
                () -> ScenarioFile.parse("s.json", text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("copeis"), e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8NamesItsLine() {
        byte[] sjis = "{ \"transactions\": [\n  { \"card\": \"カード\" } ] }".getBytes(Charset.forName("Shift_JIS"));
        ScenarioFile.Invalid e = assertThrows(ScenarioFile.Invalid.class, () -> ScenarioFile.parse("s.json", sjis));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void aReportIsWrittenWholeAndNoPartIsLeft() throws Exception {
        Path report = dir.resolve("report.json");
        ScenarioFile.writeReport(report, ApiJson.newMapper(), new Report("virtual reader", List.of()));
        ScenarioFile.writeReport(report, ApiJson.newMapper(), new Report("virtual reader", List.of()));
        assertTrue(Files.readString(report).contains("virtual reader"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(report), files.toList(), "no .part file is left beside it");
        }
    }
}
