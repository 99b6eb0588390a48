package jp.certkiosk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskConfigLoaderTest {
    @TempDir Path dir;

    private static final String VALID = """
            kiosk.id=kiosk-0001
            kiosk.profile=production
            endpoint.uri=https://issuance.example/
            endpoint.keyStore=tls/kiosk.p12
            endpoint.keyStorePassword=secret
            endpoint.trustStore=tls/ca.p12
            endpoint.trustStorePassword=changeit
            endpoint.readTimeout=PT30S
            endpoint.documentSigningAnchor=tls/document-signing-ca.cer
            printer.kind=FILE
            printer.outputDirectory=out
            journal.directory=/var/lib/kiosk/journal
            """;

    @Test
    void loadsAValidFileWithPathsRelativeToIt() throws IOException {
        KioskConfig config = KioskConfigLoader.load(write(VALID));
        assertEquals("kiosk-0001", config.kioskId());
        assertEquals(Profile.PRODUCTION, config.profile());
        assertEquals(dir.resolve("tls/kiosk.p12"), config.endpoint().keyStore());
        assertEquals(Duration.ofSeconds(30), config.endpoint().readTimeout());
        assertEquals(dir.resolve("tls/document-signing-ca.cer"), config.endpoint().documentSigningAnchor());
        assertEquals(EndpointConfig.DEFAULT_CONNECT_TIMEOUT, config.endpoint().connectTimeout());
        assertEquals(Path.of("/var/lib/kiosk/journal"), config.journalDirectory());
        assertFalse(config.endpoint().toString().contains("secret"), "passwords stay out of toString");
    }

    @Test
    void anIppPrinterIsNamedByItsUri() throws IOException {
        String ipp = VALID.replace("printer.kind=FILE\nprinter.outputDirectory=out",
                "printer.kind=IPP\nprinter.uri=ipp://localhost:631/printers/kiosk");
        KioskConfig config = KioskConfigLoader.load(write(ipp));
        assertEquals(PrinterConfig.Kind.IPP, config.printer().kind());
        assertEquals(java.net.URI.create("ipp://localhost:631/printers/kiosk"), config.printer().uri());

        InvalidConfigException missing = org.junit.jupiter.api.Assertions.assertThrows(InvalidConfigException.class,
                () -> KioskConfigLoader.load(write(ipp.replace("printer.uri=ipp://localhost:631/printers/kiosk", ""))));
        assertTrue(missing.problems().contains("printer.uri is required"), missing.problems().toString());
        InvalidConfigException file = org.junit.jupiter.api.Assertions.assertThrows(InvalidConfigException.class,
                () -> KioskConfigLoader.load(write(ipp.replace("ipp://localhost:631/printers/kiosk", "file:///tmp/x"))));
        assertTrue(file.getMessage().contains("printer.uri"), file.getMessage());
    }

    @Test
    void plainHttpIsRefusedOutsideTheDemo() throws IOException {
        Path file = write(VALID.replace("https://issuance.example/", "http://issuance.example/"));
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> KioskConfigLoader.load(file));
        assertTrue(e.getMessage().contains("endpoint.uri must be https://"), e.getMessage());

        KioskConfig demo = KioskConfigLoader.load(write(VALID
                .replace("https://issuance.example/", "http://localhost:8080/").replace("production", "demo")));
        assertEquals(Profile.DEMO, demo.profile());
    }

    @Test
    void reportsEveryProblemAtOnce() throws IOException {
        Path file = write("""
                kiosk.id=bad id!
                kiosk.profile=SHOP
                endpoint.connectTimeout=5s
                """);
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> KioskConfigLoader.load(file));
        String message = e.getMessage();
        for (String expected : new String[] {"kiosk.profile must be one of", "endpoint.uri is required",
                "endpoint.keyStore is required", "endpoint.connectTimeout is not an ISO-8601 duration",
                "printer.kind is required", "journal.directory is required",
                "endpoint.documentSigningAnchor is required"}) {
            assertTrue(message.contains(expected), () -> "missing '" + expected + "' in:\n" + message);
        }
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("kiosk-" + System.nanoTime() + ".properties"), text);
    }
}
