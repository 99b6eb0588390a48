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
            kiosk.profile=demo
            endpoint.uri=https://issuance.example/
            endpoint.keyStore=tls/kiosk.p12
            endpoint.keyStorePasswordFile=tls/kiosk.p12.password
            endpoint.trustStore=tls/ca.p12
            endpoint.readTimeout=PT30S
            endpoint.documentSigningAnchor=tls/document-signing-ca.cer
            reader.kind=PCSC
            reader.name=ACS ACR1252 1S CL Reader PICC 0
            printer.kind=FILE
            printer.outputDirectory=out
            payment.kind=SIMULATED
            journal.directory=/var/lib/kiosk/journal
            """;

    @Test
    void loadsAValidFileWithPathsRelativeToIt() throws IOException {
        KioskConfig config = KioskConfigLoader.load(write(VALID));
        assertEquals("kiosk-0001", config.kioskId());
        assertEquals(Profile.DEMO, config.profile());
        assertEquals("secret", new String(config.endpoint().keyStorePassword()));
        assertEquals("ACS ACR1252 1S CL Reader PICC 0", config.reader().name());
        assertEquals(ScreenConfig.defaults(), config.screen());
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
    void plainHttpIsAllowedInTheDemo() throws IOException {
        Path file = write(VALID.replace("https://issuance.example/", "http://issuance.example/"));
        KioskConfig demo = KioskConfigLoader.load(file);
        assertEquals(Profile.DEMO, demo.profile());
    }

    @Test
    void productionRefusesEverythingSimulatedNamingTheKey() throws IOException {
        Path file = write(VALID.replace("https://issuance.example/", "http://issuance.example/")
                .replace("kiosk.profile=demo", "kiosk.profile=PRODUCTION")
                .replace("reader.kind=PCSC\nreader.name=ACS ACR1252 1S CL Reader PICC 0",
                        "reader.kind=VIRTUAL\nreader.virtualCards=cards"));
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> KioskConfigLoader.load(file));
        for (String expected : new String[] {"endpoint.uri must be https://", "reader.kind VIRTUAL",
                "printer.kind FILE", "payment.kind SIMULATED", "staff.pinHashFile is required"}) {
            assertTrue(e.getMessage().contains(expected), () -> "missing '" + expected + "' in:\n" + e.getMessage());
        }
        assertEquals(5, e.problems().size(), e.getMessage());
    }

    @Test
    void anUnknownKeyIsAnErrorNotADefault() throws IOException {
        Path file = write(VALID + "endpoint.readTimout=PT5S\nscreen.idleTimeout=PT10S\nscreen.idleWarning=PT20S\n");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> KioskConfigLoader.load(file));
        assertTrue(e.problems().get(0).startsWith("endpoint.readTimout is not a key"), e.getMessage());
        assertTrue(e.getMessage().contains("screen.idleTimeout must be longer than screen.idleWarning"), e.getMessage());
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

    @Test
    void aNulCharacterInAFileNameIsAProblemOfItsKey() throws IOException {
        Path file = write(VALID.replace("endpoint.keyStore=tls/kiosk.p12", "endpoint.keyStore=tls/kiosk\0.p12")
                .replace("printer.outputDirectory=out", "printer.outputDirectory=o\0ut")
                .replace("payment.kind=SIMULATED\n", CCTALK.replace("/dev/ttyUSB0", "/dev/tty\0USB0"))
                + "staff.pinHashFile=staff\0pin\n");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> KioskConfigLoader.load(file));
        for (String key : new String[] {"endpoint.keyStore", "printer.outputDirectory", "payment.port", "staff.pinHashFile"}) {
            assertTrue(e.problems().stream().anyMatch(problem -> problem.startsWith(key + " is not a file name")),
                    () -> "no problem names " + key + " in:\n" + e.getMessage());
        }
    }

    private static final String CCTALK = """
            payment.kind=CCTALK
            payment.port=/dev/ttyUSB0
            payment.coins=1:10,2:50,3:100,4:500
            payment.hoppers=3:100,4:10,5:50
            """;

    @Test
    void aCcTalkAcceptorPassesProductionWithItsBusAndCoins() throws IOException {
        String production = VALID.replace("kiosk.profile=demo", "kiosk.profile=PRODUCTION")
                .replace("printer.kind=FILE\nprinter.outputDirectory=out", "printer.kind=IPP\nprinter.uri=ipp://localhost/printers/kiosk")
                .replace("payment.kind=SIMULATED\n", CCTALK) + "staff.pinHashFile=staff-pin\n";
        KioskConfig config = KioskConfigLoader.load(write(production));
        PaymentConfig.CcTalk bus = config.payment().ccTalk();
        assertEquals(PaymentConfig.Kind.CCTALK, config.payment().kind());
        assertEquals("/dev/ttyUSB0", bus.port());
        assertEquals(2, bus.selectorAddress());
        assertEquals(java.util.Map.of(1, 10, 2, 50, 3, 100, 4, 500), bus.coins());
        assertEquals(java.util.Map.of(3, 100, 4, 10, 5, 50), bus.hoppers());
        assertEquals(PaymentConfig.CcTalk.DEFAULT_POLL_INTERVAL, bus.pollInterval());
        assertTrue(bus.localEcho());
    }

    @Test
    void aCcTalkAcceptorsMistakesAreNamedByTheirKeys() throws IOException {
        String broken = VALID.replace("payment.kind=SIMULATED\n", """
                payment.kind=CCTALK
                payment.selectorAddress=1
                payment.coins=1:10,17:100,2:5,3
                payment.hoppers=1:100,6:50
                payment.pollInterval=PT2S
                payment.localEcho=yes
                """);
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> KioskConfigLoader.load(write(broken)));
        for (String expected : new String[] {"payment.port is required for the CCTALK acceptor",
                "payment.selectorAddress must be a ccTalk device address 2-255",
                "payment.coins must be a list of coin id:yen", "payment.coins names coin id 17",
                "payment.coins gives coin 2 5 yen", "payment.hoppers names address 1; ccTalk device addresses are 2-255",
                "payment.hoppers must include a hopper of 10 yen coins", "payment.pollInterval must be shorter than PT1S",
                "payment.localEcho must be true or false"}) {
            assertTrue(e.getMessage().contains(expected), () -> "missing '" + expected + "' in:\n" + e.getMessage());
        }
        InvalidConfigException shared = assertThrows(InvalidConfigException.class, () -> KioskConfigLoader.load(
                write(VALID.replace("payment.kind=SIMULATED\n", CCTALK.replace("3:100,4:10", "2:100,4:10")))));
        assertEquals(java.util.List.of("payment.hoppers names address 2, the coin selector's (payment.selectorAddress) (line 16)"),
                shared.problems());
    }

    @Test
    void aProblemWithAKeyNamesTheLineThatSetIt() throws IOException {
        InvalidConfigException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidConfigException.class,
                () -> KioskConfigLoader.load(write(VALID.replace("endpoint.readTimeout=PT30S", "endpoint.readTimeout=30 seconds"))));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("endpoint.readTimeout "), e.getMessage());
        assertTrue(e.problems().get(0).endsWith("(line 7)"), e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheLineAndColumnOfTheByte() throws IOException {
        Path file = write("");
        // an installer saved the file in Shift_JIS: the reader's name has katakana
        byte[] sjis = VALID.replace("ACS ACR1252 1S CL Reader PICC 0", "カードリーダー").getBytes(java.nio.charset.Charset.forName("Shift_JIS"));
        Files.write(file, sjis);
        InvalidConfigException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidConfigException.class,
                () -> KioskConfigLoader.load(file));
        assertEquals(java.util.List.of("(file) line 10, column 13: byte 0x83 is not UTF-8 text; save the file as UTF-8"), e.problems());
    }

    @Test
    void aBrokenEscapeIsRefusedNamingItsLine() throws IOException {
        InvalidConfigException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidConfigException.class,
                () -> KioskConfigLoader.load(write(VALID.replace("printer.outputDirectory=out", "printer.outputDirectory=C:\\users\\out"))));
        assertTrue(e.problems().get(0).startsWith("(file) line 12: Malformed"), e.getMessage());
    }

    private Path write(String text) throws IOException {
        Files.createDirectories(dir.resolve("tls"));
        Files.writeString(dir.resolve("tls/kiosk.p12.password"), "secret\n");
        return Files.writeString(dir.resolve("kiosk-" + System.nanoTime() + ".properties"), text);
    }
}
