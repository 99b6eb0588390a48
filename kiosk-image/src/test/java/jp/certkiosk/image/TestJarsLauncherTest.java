package jp.certkiosk.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime image's launcher ({@code runtime/bin/kiosk}, the real script with a stand-in
 * {@code java} that writes down its arguments) holds no demo: its test image commands run the
 * test jars of {@code kiosk-test/} beside the runtime (/opt/kiosk-test), after the production class
 * path, and refuse to start a JVM without them, as in the production image.
 */
class TestJarsLauncherTest {
    @TempDir Path work;
    Path home;
    Path launcher;

    @BeforeEach
    void runtime() throws Exception {
        home = work.resolve("opt/kiosk");
        launcher = home.resolve("bin/kiosk");
        Files.createDirectories(launcher.getParent());
        Files.copy(Path.of("runtime", "bin", "kiosk"), launcher, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(launcher.toFile().setExecutable(true));
        Files.createDirectories(home.resolve("conf"));
        Files.copy(Path.of("runtime", "conf", "jvm-memory.options"), home.resolve("conf/jvm-memory.options"));
        Files.writeString(home.resolve("conf/classpath"), "kiosk-image.jar\nkiosk-app.jar\n");
        Path java = home.resolve("runtime/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$KIOSK_TEST_DIR/java-args\"\n");
        assertTrue(java.toFile().setExecutable(true));
    }

    @Test
    void withoutTheTestJarsTheDemoAndTheHeadlessTestModeAreRefusedBeforeAnyJvm() throws Exception {
        for (String command : List.of("--demo", "--headless-service")) {
            Launch launch = launch(command, "sim", "--port", "0");
            assertEquals(2, launch.exit(), command + ": " + launch.output());
            assertTrue(launch.output().contains(command + " belongs to the test image")
                    && launch.output().contains(work.resolve("opt/kiosk-test").toString()), launch.output());
            assertFalse(Files.exists(work.resolve("java-args")), command + " started a JVM");
        }
    }

    @Test
    void withTheTestJarsBesideTheRuntimeTheyComeAfterTheProductionClassPath() throws Exception {
        Path testHome = work.resolve("opt/kiosk-test");
        Files.createDirectories(testHome.resolve("conf"));
        Files.writeString(testHome.resolve("conf/classpath"), "kiosk-image-test.jar\nkiosk-demo.jar\n");

        List<String> demo = args(launch("--demo", "sim", "--port", "0"));
        String classPath = demo.get(demo.indexOf("-cp") + 1);
        assertEquals(String.join(":", home.resolve("app/kiosk-image.jar").toString(), home.resolve("app/kiosk-app.jar").toString(),
                testHome.resolve("app/kiosk-image-test.jar").toString(), testHome.resolve("app/kiosk-demo.jar").toString()),
                classPath, "the production class path first: the AppCDS archive trained on it maps for the test jars too");
        assertEquals(List.of("jp.certkiosk.demo.DemoMain", "sim", "--port", "0"), demo.subList(demo.indexOf("-cp") + 2, demo.size()));

        List<String> service = args(launch("--headless-service", "--data", "/run/kiosk-test"));
        assertEquals(List.of("jp.certkiosk.image.test.HeadlessService", "--data", "/run/kiosk-test"),
                service.subList(service.indexOf("-cp") + 2, service.size()));
    }

    @Test
    void theProductsCommandsAndTheTrainingRunOnTheProductionClassPathWithTheStoreKiosksMemory() throws Exception {
        Path testHome = work.resolve("opt/kiosk-test");
        Files.createDirectories(testHome.resolve("conf"));
        Files.writeString(testHome.resolve("conf/classpath"), "kiosk-demo.jar\n");
        String production = home.resolve("app/kiosk-image.jar") + ":" + home.resolve("app/kiosk-app.jar");
        String memory = "@" + home.resolve("conf/jvm-memory.options");

        List<String> run = args(launch("run", "--config", "kiosk.properties"));
        assertEquals(production, run.get(run.indexOf("-cp") + 1));
        assertTrue(run.contains(memory), "run: " + run);

        List<String> training = args(launch("--train-cds", "--config", "k.properties", "--scenario", "s.json"));
        assertEquals(production, training.get(training.indexOf("-cp") + 1), "the archive's class path is the store kiosk's");
        assertTrue(training.contains(memory), "trained with the options the store's kiosk runs with: " + training);
        assertEquals(List.of("jp.certkiosk.image.CdsTraining", "--config", "k.properties", "--scenario", "s.json"),
                training.subList(training.indexOf("-cp") + 2, training.size()));
    }

    private record Launch(int exit, String output) {}

    private Launch launch(String... arguments) throws Exception {
        Files.deleteIfExists(work.resolve("java-args"));
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("launcher.log").toFile());
        builder.environment().put("KIOSK_TEST_DIR", work.toString());
        builder.environment().put("KIOSK_STATE", work.resolve("state").toString());
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not end");
        return new Launch(process.exitValue(), Files.readString(work.resolve("launcher.log")));
    }

    private List<String> args(Launch launch) throws Exception {
        assertEquals(0, launch.exit(), launch.output());
        return Files.readAllLines(work.resolve("java-args"));
    }
}
