package jp.certkiosk.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import jp.certkiosk.app.card.VirtualCard;
import jp.certkiosk.sim.KioskConfigFiles;
import jp.certkiosk.sim.MunicipalSimulator;
import jp.certkiosk.sim.SimulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The AppCDS training run issues for real: the kiosk built from its configuration file by the
 * composition root, against the simulator over HTTPS with mutual TLS, a virtual card on the
 * in-process reader, the simulated acceptor; it succeeds only when every resident got a document.
 */
class CdsTrainingTest {
    @TempDir static Path sim;
    static MunicipalSimulator simulator;

    @TempDir Path work;

    @BeforeAll
    static void startSimulator() {
        simulator = MunicipalSimulator.start(SimulatorOptions.defaults(sim));
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    /** The configuration the training gets: the simulator's, on the in-process reader over its cards. */
    private Path config() throws Exception {
        Path dir = work.resolve("kiosk");
        VirtualCard.writeAll(dir.resolve("cards"), simulator.cards().stream().map(c -> new VirtualCard(c.profile(),
                "card '" + c.profile() + "'", c.pin(), c.authKey(), c.authCertificate(), c.authCaCertificate())).toList());
        return KioskConfigFiles.write(simulator, MunicipalSimulator.DEMO_KIOSK_ID, dir,
                Map.of("reader.kind", "VIRTUAL", "reader.virtualCards", "cards"));
    }

    private int train(Path config, String scenario) throws Exception {
        Path file = Files.writeString(work.resolve("scenario.json"), scenario);
        return new CommandLine(new CdsTraining()).execute("--config", config.toString(), "--scenario", file.toString());
    }

    private long pdfs() throws Exception {
        Path out = work.resolve("kiosk/out");
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.toString().endsWith(".pdf")).count();
        }
    }

    @Test
    void issuesADocumentToEveryResidentOfTheScenario() throws Exception {
        int exit = train(config(), """
                { "transactions": [
                    { "card": "adult", "pins": ["1234"], "document": "RESIDENT_RECORD_COPY" },
                    { "card": "spouse", "pins": ["0000", "5678"], "document": "RESIDENT_RECORD_COPY" }
                ] }""");
        assertEquals(0, exit);
        assertEquals(2, pdfs(), "two documents printed by the configured file printer");
    }

    @Test
    void failsWhenAResidentGotNoDocument() throws Exception {
        int exit = train(config(), """
                { "transactions": [ { "card": "adult", "pins": ["0000"], "document": "RESIDENT_RECORD_COPY" } ] }""");
        assertEquals(1, exit, "a training run that issued nothing is no training of the issuance path");
        assertEquals(0, pdfs());
    }

    @Test
    void refusesAConfigurationTheKioskCannotStartFrom() throws Exception {
        Path config = config();
        Files.writeString(config, Files.readString(config).replace("reader.kind=VIRTUAL", "reader.kind=NONE"));
        assertTrue(train(config, "{ \"transactions\": [] }") != 0);
    }
}
