package jp.certkiosk.app.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The packaged product's class path carries no simulator and no HTTP server. */
class KioskAppManifestIT {
    static final Path JAR = Path.of("target", "kiosk-app.jar");

    @Test
    void theManifestClassPathNamesNoSimulatorGrizzlyOrJerseyServer() throws IOException {
        assertTrue(Files.isRegularFile(JAR), JAR.toAbsolutePath() + " is missing: this check runs after package");
        List<String> classPath;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            String value = jar.getManifest().getMainAttributes().getValue("Class-Path");
            classPath = Arrays.asList(value.trim().split("\\s+"));
        }
        assertTrue(classPath.stream().anyMatch(j -> j.contains("jersey-client")), "the class path is read: " + classPath);
        for (String forbidden : List.of("municipal-sim", "grizzly", "jersey-server", "jersey-container")) {
            assertFalse(classPath.stream().anyMatch(j -> j.contains(forbidden)),
                    "kiosk-app.jar's class path names " + forbidden + ": " + classPath);
        }
    }
}
