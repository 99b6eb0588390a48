package jp.certkiosk.app.assembly;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Properties;
import jp.certkiosk.app.testing.SimulatedEnvironment;
import jp.certkiosk.config.KioskConfigLoader;
import jp.certkiosk.config.PrinterConfig;
import jp.certkiosk.sim.MunicipalSimulator;
import jp.certkiosk.sim.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kiosk whose parts cannot all be made is not built. The independent parts are made side by side,
 * and the failure reported is the one of the first part in the order the assembly takes them: the
 * journal, the endpoint client, the document-signing anchor, the card reader.
 */
class AssemblyFailureTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-10T01:00:00Z"), ZoneId.of("Asia/Tokyo"));

    @TempDir Path dir;

    @Test
    void unreadableVirtualCardsStopTheAssemblyWithTheirOwnFailure() throws IOException {
        try (MunicipalSimulator simulator = simulator()) {
            Path file = config(simulator);
            Path cards = dir.resolve("var/kiosks").resolve(MunicipalSimulator.DEMO_KIOSK_ID).resolve("cards");
            emptied(cards);
            UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                    () -> KioskAssembly.build(KioskConfigLoader.load(file), CLOCK, () -> {}));
            // thrown as the card reader's own failure, not wrapped by the thread that read the cards
            assertTrue(failure.getCause() instanceof IOException && failure.getMessage().contains("no card profiles"),
                    failure.toString());
        }
    }

    @Test
    void theJournalsFailureIsReportedBeforeThatOfAPartMadeBesideIt() throws IOException {
        try (MunicipalSimulator simulator = simulator()) {
            Path file = config(simulator);
            emptied(dir.resolve("var/kiosks").resolve(MunicipalSimulator.DEMO_KIOSK_ID).resolve("cards"));
            // the journal's directory is a file: its database cannot be created
            Files.writeString(dir.resolve("not-a-directory"), "x");
            set(file, "journal.directory", dir.resolve("not-a-directory").resolve("journal").toString());
            RuntimeException failure = assertThrows(RuntimeException.class,
                    () -> KioskAssembly.build(KioskConfigLoader.load(file), CLOCK, () -> {}));
            assertTrue(!failure.getMessage().contains("no card profiles") && failure.getMessage().contains("not-a-directory"),
                    "the journal's failure, not the cards': " + failure);
        }
    }

    private MunicipalSimulator simulator() {
        return MunicipalSimulator.start(new SimulatorOptions(dir.resolve("sim"), "127.0.0.1", 0, CLOCK, false));
    }

    private Path config(MunicipalSimulator simulator) throws IOException {
        return SimulatedEnvironment.writeConfig(simulator, MunicipalSimulator.DEMO_KIOSK_ID, dir.resolve("var"),
                new PrinterConfig(PrinterConfig.Kind.FILE, dir.resolve("out")), null);
    }

    private static void emptied(Path cards) throws IOException {
        try (var files = Files.list(cards)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    private static void set(Path file, String key, String value) throws IOException {
        Properties keys = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            keys.load(in);
        }
        keys.setProperty(key, value);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            keys.store(out, null);
        }
    }
}
