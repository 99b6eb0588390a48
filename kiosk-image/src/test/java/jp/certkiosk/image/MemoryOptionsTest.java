package jp.certkiosk.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk's memory options ({@code runtime/conf/jvm-memory.options}, measured by {@code ./kiosk
 * bench}) reach the JVM of the store's kiosk from both of its launchers: the repository's
 * {@code ./kiosk run} and the runtime image's {@code bin/kiosk run}, each the real script with a
 * stand-in {@code java} that writes down its arguments; and the JVM takes the file as meant.
 */
class MemoryOptionsTest {
    private static final Path OPTIONS = Path.of("runtime", "conf", "jvm-memory.options");

    @TempDir Path work;

    @Test
    void theJvmTakesTheOptionsAsMeant() throws Exception {
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + OPTIONS.toAbsolutePath(), "-XX:+PrintFlagsFinal", "-version").redirectErrorStream(true).start();
        String flags = new String(java.getInputStream().readAllBytes());
        assertTrue(java.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, java.exitValue(), flags);
        assertEquals("100663296", flag(flags, "MaxHeapSize"), "the heap bound, 96 MB");
        assertEquals("true", flag(flags, "UseSerialGC"));
        assertEquals("1", flag(flags, "TieredStopAtLevel"), "the client compiler only");
    }

    @Test
    void theRuntimeImagesLauncherGivesThemToTheStoresKioskOnly() throws Exception {
        Path home = work.resolve("opt-kiosk");
        Path launcher = copy(Path.of("runtime", "bin", "kiosk"), home.resolve("bin/kiosk"));
        copy(OPTIONS, home.resolve("conf/jvm-memory.options"));
        Files.writeString(home.resolve("conf/classpath"), "");
        fakeJava(home.resolve("runtime/bin/java"));

        List<String> run = launch(Map.of(), launcher.toString(), "run", "--config", "kiosk.properties");
        assertTrue(run.contains("@" + home.resolve("conf/jvm-memory.options")), "run: " + run);

        // the test image's jars beside the runtime (/opt/kiosk-test), without which --demo refuses
        Files.createDirectories(work.resolve("kiosk-test/conf"));
        Files.writeString(work.resolve("kiosk-test/conf/classpath"), "");
        List<String> demo = launch(Map.of(), launcher.toString(), "--demo", "headless");
        assertFalse(demo.stream().anyMatch(a -> a.contains("jvm-memory.options")),
                "the demo carries the simulator and keeps the JVM's own sizing: " + demo);
    }

    @Test
    void theRepositoryLauncherGivesThemToTheStoresKiosk() throws Exception {
        Path root = work.resolve("repo");
        Path launcher = copy(Path.of("..", "kiosk"), root.resolve("kiosk"));
        copy(OPTIONS, root.resolve("kiosk-image/runtime/conf/jvm-memory.options"));
        // built already (jars and the build stamp, no newer source): ./kiosk goes straight to java
        Files.createDirectories(root.resolve("kiosk-app/target"));
        Files.createDirectories(root.resolve("kiosk-demo/target"));
        Files.writeString(root.resolve("kiosk-app/target/kiosk-app.jar"), "");
        Files.writeString(root.resolve("kiosk-demo/target/kiosk-demo.jar"), "");
        Path stamp = Files.writeString(root.resolve("kiosk-demo/target/.kiosk-built"), "");
        assertTrue(stamp.toFile().setLastModified(System.currentTimeMillis() + 60_000));
        Path fakes = work.resolve("fake-bin");
        fakeJava(fakes.resolve("java"));

        List<String> run = launch(Map.of("PATH", fakes + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin")),
                launcher.toString(), "run", "--config", "kiosk.properties");
        assertTrue(run.contains("@" + root.toRealPath().resolve("kiosk-image/runtime/conf/jvm-memory.options")),
                "run: " + run);
    }

    private static String flag(String printFlagsFinal, String name) {
        return printFlagsFinal.lines().map(String::trim).map(l -> l.split("\\s+"))
                .filter(f -> f.length >= 4 && f[1].equals(name)).map(f -> f[3]).findFirst()
                .orElseThrow(() -> new AssertionError("no flag " + name));
    }

    /** A stand-in for java: writes its arguments, one a line, to $KIOSK_TEST_DIR/java-args. */
    private static void fakeJava(Path where) throws Exception {
        Files.createDirectories(where.getParent());
        Files.writeString(where, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$KIOSK_TEST_DIR/java-args\"\n");
        assertTrue(where.toFile().setExecutable(true));
    }

    private List<String> launch(Map<String, String> env, String... command) throws Exception {
        Files.deleteIfExists(work.resolve("java-args"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("launcher.log").toFile());
        builder.environment().putAll(env);
        builder.environment().put("KIOSK_TEST_DIR", work.toString());
        builder.environment().put("KIOSK_STATE", work.resolve("state").toString());
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not end");
        assertEquals(0, process.exitValue(), Files.readString(work.resolve("launcher.log")));
        return Files.readAllLines(work.resolve("java-args"));
    }

    private static Path copy(Path from, Path to) throws Exception {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(to.toFile().setExecutable(true));
        return to;
    }
}
