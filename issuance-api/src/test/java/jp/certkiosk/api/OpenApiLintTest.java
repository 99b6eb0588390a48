package jp.certkiosk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document passes a linter nobody here wrote: Redocly's {@code redocly lint} with its
 * recommended rules (redocly.yaml beside this module's pom), at the version the build pins
 * ({@code redocly.version}), run through npx (Node.js: scripts/install-test-deps.sh). No error and
 * no warning.
 */
class OpenApiLintTest {
    @Test
    void redoclyLintFindsNothing() throws IOException, InterruptedException {
        String version = System.getProperty("redocly.version", "2.77.0");
        Path document = Path.of("src/main/resources/jp/certkiosk/api/openapi.yaml");
        assertTrue(Files.exists(document), "run from the issuance-api module");
        Path log = Files.createTempFile("redocly-lint", ".log");
        Process lint = new ProcessBuilder("npx", "--yes", "@redocly/cli@" + version, "lint",
                "--config", "redocly.yaml", document.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertTrue(lint.waitFor(5, TimeUnit.MINUTES), "redocly lint finished");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertEquals(0, lint.exitValue(), output);
        assertTrue(output.contains("Your API description is valid"), output);
        assertFalse(output.contains("You have "), "no warnings: " + output);
    }
}
