package jp.certkiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import jp.certkiosk.app.testing.SimulatedEnvironment;
import jp.certkiosk.config.PrinterConfig;
import jp.certkiosk.sim.MunicipalSimulator;
import jp.certkiosk.sim.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiosk-app.jar run --config FILE} assembles the kiosk while the screens' toolkit starts. A
 * kiosk that cannot be assembled still ends as it did when it was assembled first: exit code 1 for
 * the supervisor, the assembly's failure on standard error (not the toolkit's, which here has no
 * display either), and no banner.
 */
class KioskRunFailureIT {
    static final Path JAR = Path.of("target", "kiosk-app.jar");

    @TempDir Path dir;

    @Test
    void aKioskThatCannotBeAssembledExitsWithTheAssemblysFailure() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR.toAbsolutePath() + " is missing: this check runs after package");
        Path file;
        try (MunicipalSimulator simulator = MunicipalSimulator.start(
                new SimulatorOptions(dir.resolve("sim"), "127.0.0.1", 0, Clock.systemUTC(), false))) {
            file = SimulatedEnvironment.writeConfig(simulator, MunicipalSimulator.DEMO_KIOSK_ID, dir.resolve("var"),
                    new PrinterConfig(PrinterConfig.Kind.FILE, dir.resolve("out")), null);
        }
        Path cards = file.resolveSibling("cards");
        try (var files = Files.list(cards)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        ProcessBuilder run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-jar", JAR.toString(), "run", "--config", file.toString())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        run.environment().remove("DISPLAY");
        run.environment().remove("WAYLAND_DISPLAY");
        Process kiosk = run.start();
        assertTrue(kiosk.waitFor(2, TimeUnit.MINUTES), "the kiosk did not end");
        String err = read(dir.resolve("err.txt"));
        assertEquals(1, kiosk.exitValue(), err);
        assertTrue(err.contains("no card profiles"), "the assembly's failure is reported: " + err);
        assertFalse(read(dir.resolve("out.txt")).contains("Kiosk " + MunicipalSimulator.DEMO_KIOSK_ID),
                "no banner for a kiosk not built");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
