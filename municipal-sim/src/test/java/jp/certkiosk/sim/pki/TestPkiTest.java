package jp.certkiosk.sim.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPkiTest {
    private static final Instant NOW = Instant.parse("2025-11-28T01:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final List<CardSpec> SPECS = List.of(
            new CardSpec("good", CertificateCondition.VALID),
            new CardSpec("old", CertificateCondition.EXPIRED),
            new CardSpec("early", CertificateCondition.NOT_YET_VALID),
            new CardSpec("forged", CertificateCondition.UNKNOWN_ISSUER));

    @TempDir
    static Path directory;

    private static TestPki pki;

    @BeforeAll
    static void generate() {
        pki = TestPki.openOrCreate(directory, CLOCK, SPECS);
    }

    @Test
    void cardCertificatesAreShapedLikeJpkiUserAuthentication() throws Exception {
        X509Certificate certificate = pki.card("good").orElseThrow().certificate();
        String subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).toString();
        assertTrue(subject.matches("C=JP,CN=[0-9A-F]{20}"), subject);
        boolean[] keyUsage = Arrays.copyOf(certificate.getKeyUsage(), 9);
        assertTrue(keyUsage[0], "digitalSignature");
        for (int i = 1; i < keyUsage.length; i++) {
            assertTrue(!keyUsage[i], "only digitalSignature");
        }
        assertEquals(-1, certificate.getBasicConstraints());
        assertEquals("SHA256withRSA", certificate.getSigAlgName());
        assertEquals(pki.userAuthenticationCa().getSubjectX500Principal(), certificate.getIssuerX500Principal());
        certificate.verify(pki.userAuthenticationCa().getPublicKey());
        Duration lifetime = Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
        assertTrue(lifetime.toDays() > 5 * 365 && lifetime.toDays() < 5 * 366 + 2, lifetime.toString());
        assertTrue(certificate.getNotBefore().toInstant().isBefore(NOW));
        String ca = pki.userAuthenticationCa().getSubjectX500Principal().getName();
        assertTrue(ca.contains("O=JPKI") && ca.contains("OU=JPKI for user authentication"), ca);
    }

    @Test
    void conditions() {
        assertTrue(pki.card("old").orElseThrow().certificate().getNotAfter().toInstant().isBefore(NOW));
        assertTrue(pki.card("early").orElseThrow().certificate().getNotBefore().toInstant().isAfter(NOW));
        CardKey forged = pki.card("forged").orElseThrow();
        assertNotEquals(pki.userAuthenticationCa().getSubjectX500Principal(), forged.certificate().getIssuerX500Principal());
        assertEquals(forged.issuer().getSubjectX500Principal(), forged.certificate().getIssuerX500Principal());
        assertNotEquals(pki.card("good").orElseThrow().certificate().getSubjectX500Principal(),
                pki.card("old").orElseThrow().certificate().getSubjectX500Principal(), "every card has its own id");
    }

    @Test
    void reopeningPresentsTheSameCertificatesAndAddsMissingCards() throws Exception {
        List<CardSpec> more = new java.util.ArrayList<>(SPECS);
        more.add(new CardSpec("added", CertificateCondition.VALID));
        TestPki again = TestPki.openOrCreate(directory, CLOCK, more);
        for (CardSpec spec : SPECS) {
            assertArrayEquals(pki.card(spec.profile()).orElseThrow().certificate().getEncoded(),
                    again.card(spec.profile()).orElseThrow().certificate().getEncoded());
        }
        assertTrue(again.card("added").isPresent());
        assertArrayEquals(pki.userAuthenticationCa().getEncoded(), again.userAuthenticationCa().getEncoded());
    }

    @Test
    void aCardWhoseConditionLapsedIsPersonalisedAnew(@TempDir Path copy) throws Exception {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Instant later = NOW.plus(Duration.ofDays(60));
        TestPki reopened = TestPki.openOrCreate(copy, Clock.fixed(later, ZoneOffset.UTC), SPECS);
        X509Certificate early = reopened.card("early").orElseThrow().certificate();
        assertTrue(early.getNotBefore().toInstant().isAfter(later), "still not yet valid");
        assertNotEquals(pki.card("early").orElseThrow().certificate().getSerialNumber(), early.getSerialNumber());
        assertArrayEquals(pki.card("good").orElseThrow().certificate().getEncoded(),
                reopened.card("good").orElseThrow().certificate().getEncoded(), "still valid: kept");
    }

    @Test
    void kioskAndServerMaterial() throws Exception {
        Path keyStore = pki.kioskKeyStore("kiosk-demo-001");
        assertTrue(Files.exists(keyStore));
        assertTrue(Files.exists(pki.kioskTrustStore()));
        assertEquals(keyStore, pki.kioskKeyStore("kiosk-demo-001"));
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keyStore)) {
            store.load(in, pki.storePassword());
        }
        X509Certificate kiosk = (X509Certificate) store.getCertificate(store.aliases().nextElement());
        assertTrue(kiosk.getSubjectX500Principal().getName().startsWith("CN=kiosk-demo-001,"));
        assertEquals(2, store.getCertificateChain(store.aliases().nextElement()).length);
        assertTrue(kiosk.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2"), "clientAuth");

        assertEquals("TLS", pki.serverSslContext().getProtocol());
    }

    @Test
    void serverCertificateNamesLocalhost() throws Exception {
        Path serverStore = directory.resolve("server.p12");
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(serverStore)) {
            store.load(in, pki.storePassword());
        }
        X509Certificate server = (X509Certificate) store.getCertificate(store.aliases().nextElement());
        Collection<List<?>> names = server.getSubjectAlternativeNames();
        assertTrue(names.contains(List.of(2, "localhost")), names.toString());
        assertTrue(names.contains(List.of(7, "127.0.0.1")), names.toString());
    }

    /**
     * A simulator that runs for weeks renews its short-lived server certificate before it expires:
     * the key manager each handshake asks hands out a new certificate once less than the renewal
     * margin is left, and the same one before.
     */
    @Test
    void theServerCertificateIsRenewedWhileRunningBeforeItExpires(@TempDir Path own) {
        jp.certkiosk.sim.TestClock tls = new jp.certkiosk.sim.TestClock(Instant.now());
        TestPki running = TestPki.openOrCreate(own, CLOCK, SPECS, tls);
        javax.net.ssl.X509ExtendedKeyManager keys = running.serverKeyManager();
        String alias = keys.chooseEngineServerAlias("RSA", null, null);
        X509Certificate first = keys.getCertificateChain(alias)[0];
        assertEquals(TestPki.SERVER_LIFETIME.plusHours(1),
                Duration.between(first.getNotBefore().toInstant(), first.getNotAfter().toInstant()));

        tls.advance(Duration.ofDays(3));
        assertEquals(first, keys.getCertificateChain(alias)[0], "four days left: kept");

        tls.advance(Duration.ofDays(2));
        X509Certificate renewed = keys.getCertificateChain(alias)[0];
        assertNotEquals(first, renewed, "two days left: renewed while running");
        assertTrue(renewed.getNotAfter().toInstant().isAfter(tls.instant().plus(Duration.ofDays(6))));
        assertTrue(first.getNotAfter().toInstant().isAfter(tls.instant()), "renewed before the old one expired");
        assertEquals(renewed, running.serverCertificate());
        assertEquals(renewed, keys.getCertificateChain(alias)[0], "renewed once");
        assertEquals(renewed, TestPki.openOrCreate(own, CLOCK, SPECS, tls).serverCertificate(),
                "kept in the directory for the next start (and other instances)");
    }
}
