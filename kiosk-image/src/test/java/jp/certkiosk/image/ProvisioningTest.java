package jp.certkiosk.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import jp.certkiosk.app.assembly.ConfigCheck;
import jp.certkiosk.sim.KioskConfigFiles;
import jp.certkiosk.sim.MunicipalSimulator;
import jp.certkiosk.sim.SimulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisioning a data partition from a kiosk's folder, with the real material the simulator writes
 * for a kiosk (key stores, passwords, anchor): what is staged passes {@code config check} where it
 * lies, with every path inside the staged folder; what cannot be provisioned is refused whole.
 */
class ProvisioningTest {
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

    /** A kiosk folder as the simulator writes it; absolute paths into the folder for what the kiosk writes. */
    private Path kioskFolder(Map<String, String> extra) throws Exception {
        Path dir = work.resolve("kiosk-0001");
        Path staffPin = dir.resolve("staff-pin");
        Files.createDirectories(dir);
        jp.certkiosk.app.staff.StaffPin.store(staffPin, "135790".toCharArray());
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>(Map.of(
                "journal.directory", dir.resolve("journal").toString(),
                "printer.outputDirectory", dir.resolve("out").toString(),
                "staff.pinHashFile", staffPin.toString()));
        settings.putAll(extra);
        KioskConfigFiles.write(simulator, "kiosk-0001", dir, settings);
        Files.createDirectories(dir.resolve("journal"));
        Files.writeString(dir.resolve("journal/left-from-a-trial.mv.db"), "a trial run's journal");
        return dir;
    }

    @Test
    void stagesTheConfigurationAndWhatItNamesWithPathsThatResolveWhereItLands() throws Exception {
        Path stage = work.resolve("stage");
        var secrets = Provisioning.stage(kioskFolder(Map.of()), stage);

        Path staged = stage.resolve("config/kiosk.properties");
        ConfigCheck.Result check = ConfigCheck.check(staged);
        assertTrue(check.ok(), "the staged configuration passes config check: " + check.errors());
        Properties keys = new Properties();
        try (var in = Files.newBufferedReader(staged)) {
            keys.load(in);
        }
        for (String key : keys.stringPropertyNames()) {
            if (Provisioning.READ_FILES.contains(key) || Provisioning.WRITTEN_DIRS.contains(key)) {
                assertFalse(Path.of(keys.getProperty(key)).isAbsolute(), key + " is relative: " + keys.getProperty(key));
            }
        }
        assertEquals("journal", keys.getProperty("journal.directory"));
        assertTrue(Files.isDirectory(stage.resolve("config/journal")), "the journal's place exists");
        assertFalse(Files.exists(stage.resolve("config/journal/left-from-a-trial.mv.db")),
                "a provisioned kiosk starts with an empty journal");
        assertTrue(secrets.contains(stage.resolve("config/kiosk.p12")), "the TLS identity is a secret: " + secrets);
        assertTrue(secrets.contains(stage.resolve("config/staff-pin")), "the staff PIN hash is a secret: " + secrets);
        assertTrue(Files.isRegularFile(stage.resolve("config/document-signing-ca.cer")), "the anchor is staged");
        assertTrue(Files.isRegularFile(stage.resolve("config/endpoint-trust.p12")), "the trust store is staged");
    }

    @Test
    void refusesAPathOutsideTheFolderAndStagesNothing() throws Exception {
        Path elsewhere = work.resolve("elsewhere/staff-pin");
        Files.createDirectories(elsewhere.getParent());
        jp.certkiosk.app.staff.StaffPin.store(elsewhere, "246801".toCharArray());
        Path stage = work.resolve("stage");
        var refused = assertThrows(Provisioning.Refused.class, () ->
                Provisioning.stage(kioskFolder(Map.of("staff.pinHashFile", elsewhere.toString())), stage));
        assertTrue(refused.getMessage().startsWith("staff.pinHashFile names " + elsewhere), refused.getMessage());
        assertFalse(Files.exists(stage.resolve("config")), "nothing staged");
    }

    @Test
    void refusesWhatConfigCheckRefuses() throws Exception {
        Path dir = kioskFolder(Map.of());
        Files.delete(dir.resolve("kiosk.p12"));
        Path stage = work.resolve("stage");
        var refused = assertThrows(Provisioning.Refused.class, () -> Provisioning.stage(dir, stage));
        assertTrue(refused.getMessage().contains("endpoint.keyStore"), refused.getMessage());
        assertFalse(Files.exists(stage.resolve("config")), "nothing staged");
    }
}
