package jp.certkiosk.card.pcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.certkiosk.card.testing.TestCards;
import jp.certkiosk.card.virtual.VirtualCardState;
import jp.certkiosk.card.vpcd.VpcdCardLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** OpenSC's jpki driver, an independent PC/SC client, reads and signs with the virtual card. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OpenScOnVirtualCardTest {
    private static final String PKCS11_MODULE = "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so";

    private VpcdCardLink link;
    private VirtualCardState state;

    @BeforeAll
    static void pcscd() {
        PcscStack.start();
    }

    @BeforeEach
    void insertCard() throws Exception {
        link = VpcdCardLink.start(VpcdCardLink.DEFAULT_HOST, PcscStack.PORT);
        state = TestCards.freshState();
        link.insert(TestCards.card(state));
        PcscStack.awaitCard(PcscStack.reader(), true);
    }

    @AfterEach
    void removeCard() throws Exception {
        link.remove();
        link.close();
        PcscStack.awaitCard(PcscStack.reader(), false);
    }

    @Test
    void openscNamesTheCardJpkiAndPkcs15ToolListsTheAuthenticationCertificateAndPin() throws Exception {
        assertEquals("jpki", run("opensc-tool", "--reader", PcscStack.READER, "--name").trim());
        String dump = run("pkcs15-tool", "--reader", PcscStack.READER, "--dump");
        assertTrue(dump.contains("X.509 Certificate [User Authentication Certificate]"), dump);
        assertTrue(dump.contains("PIN [User Authentication PIN]"), dump);
        Matcher pin = Pattern.compile("PIN \\[User Authentication PIN\\][\\s\\S]*?min_len:(\\d+), max_len:(\\d+)"
                + "[\\s\\S]*?Tries left\\s*: (\\d+)").matcher(dump);
        assertTrue(pin.find(), dump);
        assertEquals(List.of("4", "4", "3"), List.of(pin.group(1), pin.group(2), pin.group(3)));
        String serial = TestCards.authCertificate().getSerialNumber().toString(16).toUpperCase();
        assertTrue(dump.replace(" ", "").contains(serial), "the dump shows the certificate's serial " + serial);
        assertEquals(3, state.triesLeft(), "listing the card uses no PIN try");
    }

    @Test
    void pkcs11ToolSignsWithThePinAndOpensslVerifiesWithTheCertificate(@TempDir Path dir) throws Exception {
        String slots = run("pkcs11-tool", "--module", PKCS11_MODULE, "--list-slots");
        Matcher slot = Pattern.compile("Slot \\d+ \\((0x[0-9a-f]+)\\): " + PcscStack.READER
                + "\\s*\\n\\s*token label\\s*: JPKI \\(User Authentication PIN\\)").matcher(slots);
        assertTrue(slot.find(), slots);
        Path message = Files.writeString(dir.resolve("message.txt"), "resident record request 42\n");
        Path signature = dir.resolve("signature.bin");
        run("pkcs11-tool", "--module", PKCS11_MODULE, "--slot", slot.group(1), "--login", "--pin", TestCards.PIN,
                "--sign", "--mechanism", "SHA256-RSA-PKCS", "--id", "01",
                "--input-file", message.toString(), "--output-file", signature.toString());
        assertEquals(256, Files.size(signature));

        Path certificate = dir.resolve("auth-cert.pem");
        Files.writeString(certificate, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(TestCards.authCertificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        Path publicKey = dir.resolve("auth-pub.pem");
        Files.writeString(publicKey, run("openssl", "x509", "-in", certificate.toString(), "-pubkey", "-noout"));
        String verified = run("openssl", "dgst", "-sha256", "-verify", publicKey.toString(),
                "-signature", signature.toString(), message.toString());
        assertEquals("Verified OK", verified.trim());
        assertEquals(3, state.triesLeft(), "the right PIN leaves all tries");
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
