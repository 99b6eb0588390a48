package jp.certkiosk.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import jp.certkiosk.api.ApiError;
import jp.certkiosk.api.ApiPaths;
import jp.certkiosk.api.AuthenticationPayload;
import jp.certkiosk.api.Challenge;
import jp.certkiosk.api.ChallengeRequest;
import jp.certkiosk.api.Confirmation;
import jp.certkiosk.api.DocumentOffer;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.IssuanceRequest;
import jp.certkiosk.api.Session;
import jp.certkiosk.api.SessionRequest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoint over real HTTPS with mutual TLS on loopback: one simulator for the whole class. */
class MunicipalSimulatorTest {
    @TempDir
    static Path dataDir;

    private static MunicipalSimulator simulator;
    private static TestKiosk kiosk;

    @BeforeAll
    static void start() {
        simulator = MunicipalSimulator.start(SimulatorOptions.defaults(dataDir));
        kiosk = new TestKiosk(simulator.baseUri(), simulator.kioskCredentials());
    }

    @AfterAll
    static void stop() {
        kiosk.close();
        simulator.close();
    }

    private static IssuedCard card(String profile) {
        return simulator.card(profile).orElseThrow();
    }

    private static Session session(String profile) {
        try (Response response = kiosk.openSession(card(profile))) {
            return TestKiosk.ok(response, Session.class);
        }
    }

    private static ApiError refusal(Response response, int status) {
        try (response) {
            assertEquals(status, response.getStatus());
            return TestKiosk.error(response);
        }
    }

    @Test
    void baseUriNamesLocalhostAndTheCardsAreSeeded() {
        assertEquals("https", simulator.baseUri().getScheme());
        assertEquals("localhost", simulator.baseUri().getHost());
        assertTrue(simulator.baseUri().getPort() > 0);
        assertEquals("kiosk-demo-001", simulator.kioskCredentials().kioskId());
        assertEquals("1234", card("adult").pin());
        List<String> pins = simulator.cards().stream().map(IssuedCard::pin).toList();
        assertEquals(pins.size(), pins.stream().distinct().count(), "every card has its own PIN");
    }

    @Test
    void happyPathFromChallengeToConfirmedPrint() throws IOException {
        Challenge challenge = kiosk.challenge();
        assertEquals(32, challenge.nonce().length);
        assertTrue(challenge.expiresAt().isAfter(Instant.now()));

        Session session;
        try (Response response = kiosk.post(ApiPaths.SESSIONS, kiosk.signed(challenge, card("adult")))) {
            session = TestKiosk.ok(response, Session.class);
        }
        assertEquals("999001", session.menu().municipalityCode());
        assertEquals("若葉県桜川市", session.menu().municipalityName());
        DocumentOffer copy = session.menu().documents().stream()
                .filter(offer -> offer.type() == DocumentType.RESIDENT_RECORD_COPY).findFirst().orElseThrow();
        assertEquals("住民票の写し", copy.title());
        assertEquals(200, copy.feeYen());

        Issuance issuance;
        try (Response response = kiosk.post(ApiPaths.issuances(session.sessionId()),
                new IssuanceRequest("key-happy", DocumentType.RESIDENT_RECORD_COPY, 2))) {
            issuance = TestKiosk.ok(response, Issuance.class);
        }
        assertEquals(DocumentType.RESIDENT_RECORD_COPY, issuance.documentType());
        assertEquals(2, issuance.copies());
        assertEquals(400, issuance.feeYen(), "the fee is for all copies");
        assertEquals(issuance.issuanceId(), issuance.binding().issuanceId());
        assertEquals(session.sessionId(), issuance.binding().sessionId());
        assertEquals(sha256(card("adult")), issuance.binding().certificateSha256());

        String text = text(issuance.pdf());
        assertTrue(text.contains("住民票の写し"), text);
        assertTrue(text.contains("山田 太郎"), text);
        assertTrue(text.contains("山田 花子"), text);
        assertTrue(text.contains("平成元年1月8日"), text);
        assertTrue(text.contains(issuance.issuanceId()), text);

        try (Response response = kiosk.confirm(issuance.issuanceId(), Confirmation.printed())) {
            assertEquals(204, response.getStatus());
        }
        try (Response response = kiosk.confirm(issuance.issuanceId(), Confirmation.printed())) {
            assertEquals(204, response.getStatus(), "repeating the same confirmation is fine");
        }
        ApiError conflict = refusal(kiosk.confirm(issuance.issuanceId(), Confirmation.failed("paper jam")), 409);
        assertEquals(ErrorCode.CONFIRMATION_CONFLICT, conflict.code());
    }

    @Test
    void aChallengeIsSpentByItsFirstUse() {
        Challenge challenge = kiosk.challenge();
        SessionRequest request = kiosk.signed(challenge, card("adult"));
        try (Response first = kiosk.post(ApiPaths.SESSIONS, request)) {
            assertEquals(200, first.getStatus());
        }
        assertEquals(ErrorCode.CHALLENGE_INVALID, refusal(kiosk.post(ApiPaths.SESSIONS, request), 401).code());
    }

    @Test
    void aChallengeFailingOnceCannotBeRetried() {
        Challenge challenge = kiosk.challenge();
        SessionRequest badSignature = new SessionRequest(challenge.challengeId(), kiosk.kioskId(),
                kiosk.signed(challenge, card("adult")).certificate(), new byte[256]);
        assertEquals(ErrorCode.SIGNATURE_INVALID, refusal(kiosk.post(ApiPaths.SESSIONS, badSignature), 401).code());
        assertEquals(ErrorCode.CHALLENGE_INVALID,
                refusal(kiosk.post(ApiPaths.SESSIONS, kiosk.signed(challenge, card("adult"))), 401).code());
    }

    @Test
    void unknownChallengeIsInvalid() {
        Challenge made = new Challenge("no-such-challenge", new byte[32], Instant.now());
        assertEquals(ErrorCode.CHALLENGE_INVALID,
                refusal(kiosk.post(ApiPaths.SESSIONS, kiosk.signed(made, card("adult"))), 401).code());
    }

    @Test
    void aKioskIdOtherThanTheCertificatesIsUnknown() {
        ApiError error = refusal(kiosk.post(ApiPaths.CHALLENGES, new ChallengeRequest("kiosk-other-999")), 403);
        assertEquals(ErrorCode.KIOSK_UNKNOWN, error.code());

        Challenge challenge = kiosk.challenge();
        SessionRequest forAnother = TestKiosk.signed(challenge, card("adult"), "kiosk-other-999");
        assertEquals(ErrorCode.KIOSK_UNKNOWN, refusal(kiosk.post(ApiPaths.SESSIONS, forAnother), 403).code());
    }

    @Test
    void aSignatureByAnotherKeyIsInvalid() {
        Challenge challenge = kiosk.challenge();
        byte[] signature = TestKiosk.sign(card("spouse").authKey(),
                AuthenticationPayload.bytes(challenge.challengeId(), challenge.nonce(), kiosk.kioskId()));
        SessionRequest request = new SessionRequest(challenge.challengeId(), kiosk.kioskId(),
                encoded(card("adult")), signature);
        assertEquals(ErrorCode.SIGNATURE_INVALID, refusal(kiosk.post(ApiPaths.SESSIONS, request), 401).code());
    }

    @Test
    void certificateChecks() {
        assertEquals(ErrorCode.CERTIFICATE_EXPIRED, refusal(kiosk.openSession(card("expired")), 401).code());
        assertEquals(ErrorCode.CERTIFICATE_NOT_YET_VALID,
                refusal(kiosk.openSession(card("not-yet-valid")), 401).code());
        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, refusal(kiosk.openSession(card("unknown-issuer")), 401).code());
        assertTrue(card("expired").authCertificate().getNotAfter().before(new Date()));
    }

    @Test
    void garbageCertificateIsABadRequest() {
        Challenge challenge = kiosk.challenge();
        SessionRequest request = new SessionRequest(challenge.challengeId(), kiosk.kioskId(), new byte[] {0x30, 0x03},
                new byte[256]);
        assertEquals(ErrorCode.BAD_REQUEST, refusal(kiosk.post(ApiPaths.SESSIONS, request), 400).code());
    }

    @Test
    void residentResolution() {
        assertEquals(ErrorCode.RESIDENT_NOT_FOUND, refusal(kiosk.openSession(card("unregistered")), 404).code());
        assertEquals(ErrorCode.RESIDENT_REFUSED, refusal(kiosk.openSession(card("restricted")), 403).code());
    }

    @Test
    void noClientCertificateFailsTheHandshake() {
        try (TestKiosk anonymous = new TestKiosk(simulator.baseUri(), "kiosk-demo-001",
                TestKiosk.sslContext(simulator.kioskCredentials(), false))) {
            ProcessingException failure = assertThrows(ProcessingException.class,
                    () -> anonymous.post(ApiPaths.CHALLENGES, new ChallengeRequest("kiosk-demo-001")).close());
            // Grizzly closes the connection without a TLS alert, and under TLS 1.3 the client's side
            // of the handshake completes before the server checks the client certificate: so the
            // client sees an SSLHandshakeException, an end of stream or a failed write, depending
            // on timing. Never a response. (withoutAClientCertificateNothingIsServed is exact.)
            assertTrue(causedBy(failure, IOException.class), () -> "expected an I/O failure, got " + failure);
        }
    }

    @Test
    void withoutAClientCertificateNothingIsServed() throws IOException {
        SSLContext noCertificate = TestKiosk.sslContext(simulator.kioskCredentials(), false);
        int port = simulator.baseUri().getPort();
        try (SSLSocket socket = (SSLSocket) noCertificate.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(5000);
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            IOException refused = assertThrows(IOException.class, socket::startHandshake,
                    "TLS 1.2: refused in the handshake");
            assertTrue(refused instanceof SSLException || refused instanceof SocketException, refused::toString);
        }
        try (SSLSocket socket = (SSLSocket) noCertificate.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(5000);
            socket.setEnabledProtocols(new String[] {"TLSv1.3"});
            int firstByte;
            try {
                socket.startHandshake();
                socket.getOutputStream().write(("POST /v1/challenges HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                firstByte = socket.getInputStream().read();
            } catch (SSLException | SocketException refused) {
                firstByte = -1;
            }
            assertEquals(-1, firstByte, "TLS 1.3: the connection ends without an HTTP response");
        }
        try (SSLSocket socket = (SSLSocket) noCertificate.getSocketFactory().createSocket("localhost", port)) {
            socket.setEnabledProtocols(new String[] {"TLSv1.1"});
            assertThrows(SSLException.class, socket::startHandshake, "only TLS 1.3 and 1.2 are offered");
        } catch (IllegalArgumentException notSupportedByTheClient) {
            // the JDK's own policy may already refuse TLS 1.1 on the client side
        }
    }

    @Test
    void aClientOfferingOnlyCbcSuitesIsRefused() throws IOException {
        SSLContext context = TestKiosk.sslContext(simulator.kioskCredentials(), true);
        int port = simulator.baseUri().getPort();
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(5000);
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
                    "TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256"});
            assertThrows(SSLException.class, socket::startHandshake, "no CBC suite, no static RSA key exchange");
        }
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(5000);
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"});
            socket.startHandshake();
            assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", socket.getSession().getCipherSuite(),
                    "TLS 1.2 with ECDHE and AES-GCM is served");
        }
        try (SSLSocket socket = (SSLSocket) jp.certkiosk.api.TlsProfile.restrict(context).getSocketFactory()
                .createSocket("localhost", port)) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
            assertEquals("TLSv1.3", socket.getSession().getProtocol(), "the kiosk's profile and the endpoint's meet at 1.3");
            java.security.cert.X509Certificate server =
                    (java.security.cert.X509Certificate) socket.getSession().getPeerCertificates()[0];
            java.time.Duration lifetime = java.time.Duration.between(server.getNotBefore().toInstant(),
                    server.getNotAfter().toInstant());
            assertTrue(lifetime.compareTo(java.time.Duration.ofDays(8)) <= 0,
                    "the server certificate is short-lived: " + lifetime);
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void unknownSessionIsInvalid() {
        ApiError error = refusal(kiosk.reserve("no-such-session", DocumentType.RESIDENT_RECORD_COPY), 401);
        assertEquals(ErrorCode.SESSION_INVALID, error.code());
    }

    @Test
    void theSameIdempotencyKeyGetsTheSameIssuance() {
        Session session = session("adult");
        IssuanceRequest request = new IssuanceRequest("key-repeat", DocumentType.RESIDENT_RECORD_COPY, 1);
        Issuance first;
        Issuance second;
        try (Response response = kiosk.post(ApiPaths.issuances(session.sessionId()), request)) {
            first = TestKiosk.ok(response, Issuance.class);
        }
        try (Response response = kiosk.post(ApiPaths.issuances(session.sessionId()), request)) {
            second = TestKiosk.ok(response, Issuance.class);
        }
        assertEquals(first.issuanceId(), second.issuanceId());
        assertArrayEquals(first.pdf(), second.pdf());

        Issuance other;
        try (Response response = kiosk.post(ApiPaths.issuances(session.sessionId()),
                new IssuanceRequest("key-other", DocumentType.RESIDENT_RECORD_COPY, 1))) {
            other = TestKiosk.ok(response, Issuance.class);
        }
        assertNotEquals(first.issuanceId(), other.issuanceId());

        ApiError reused = refusal(kiosk.post(ApiPaths.issuances(session.sessionId()),
                new IssuanceRequest("key-repeat", DocumentType.SEAL_REGISTRATION, 1)), 409);
        assertEquals(ErrorCode.IDEMPOTENCY_CONFLICT, reused.code());
    }

    @Test
    void eachMunicipalityOffersItsOwnMenu() {
        Session session = session("single");
        assertEquals("999002", session.menu().municipalityCode());
        assertEquals(List.of(DocumentType.RESIDENT_RECORD_COPY),
                session.menu().documents().stream().map(DocumentOffer::type).toList());
        assertEquals(300, session.menu().documents().get(0).feeYen());
        ApiError error = refusal(kiosk.reserve(session.sessionId(), DocumentType.SEAL_REGISTRATION), 403);
        assertEquals(ErrorCode.DOCUMENT_NOT_OFFERED, error.code());
    }

    @Test
    void theForeignResidentsCopyShowsNationalityAndStatusOfResidence() throws IOException {
        Session session = session("foreign");
        Issuance issuance;
        try (Response response = kiosk.reserve(session.sessionId(), DocumentType.RESIDENT_RECORD_COPY)) {
            issuance = TestKiosk.ok(response, Issuance.class);
        }
        String text = text(issuance.pdf());
        assertTrue(text.contains("NGUYEN VAN AN"), text);
        assertTrue(text.contains("グエン ヴァン アン"), text);
        assertTrue(text.contains("ベトナム"), text);
        assertTrue(text.contains("技術・人文知識・国際業務"), text);
        assertFalse(text.contains("山田"), "never another household's record");
    }

    @Test
    void sealRegistrationCertificate() throws IOException {
        Session session = session("spouse");
        Issuance issuance;
        try (Response response = kiosk.reserve(session.sessionId(), DocumentType.SEAL_REGISTRATION)) {
            issuance = TestKiosk.ok(response, Issuance.class);
        }
        String text = text(issuance.pdf());
        assertTrue(text.contains("印鑑登録証明書"), text);
        assertTrue(text.contains("山田 花子"), text);
        assertFalse(text.contains("山田 太郎"), "only the resident's own seal certificate");

        ApiError noSeal = refusal(kiosk.reserve(session("foreign").sessionId(), DocumentType.SEAL_REGISTRATION), 403);
        assertEquals(ErrorCode.DOCUMENT_REFUSED, noSeal.code(), "no seal registered: this document only");
    }

    @Test
    void anotherKioskCanUseNeitherTheSessionNorTheIssuance() {
        Session session = session("adult");
        Issuance issuance;
        try (Response response = kiosk.reserve(session.sessionId(), DocumentType.RESIDENT_RECORD_COPY)) {
            issuance = TestKiosk.ok(response, Issuance.class);
        }
        try (TestKiosk other = new TestKiosk(simulator.baseUri(), simulator.kioskCredentials("kiosk-test-002"))) {
            assertEquals(ErrorCode.SESSION_INVALID,
                    refusal(other.reserve(session.sessionId(), DocumentType.RESIDENT_RECORD_COPY), 401).code());
            assertEquals(ErrorCode.ISSUANCE_UNKNOWN,
                    refusal(other.confirm(issuance.issuanceId(), Confirmation.printed()), 404).code());
            // its own challenge works: the kiosk CA issued it
            assertEquals(32, other.challenge().nonce().length);
            // but not one issued to the demo kiosk, even signed for itself
            Challenge notItsOwn = kiosk.challenge();
            assertEquals(ErrorCode.CHALLENGE_INVALID, refusal(other.post(ApiPaths.SESSIONS,
                    other.signed(notItsOwn, card("adult"))), 401).code());
        }
    }

    @Test
    void confirmationOfUnknownIssuanceAndFailedPrint() {
        assertEquals(ErrorCode.ISSUANCE_UNKNOWN,
                refusal(kiosk.confirm("no-such-issuance", Confirmation.printed()), 404).code());

        Session session = session("adult");
        Issuance issuance;
        try (Response response = kiosk.reserve(session.sessionId(), DocumentType.RESIDENT_RECORD_COPY)) {
            issuance = TestKiosk.ok(response, Issuance.class);
        }
        try (Response response = kiosk.confirm(issuance.issuanceId(), Confirmation.failed("paper out"))) {
            assertEquals(204, response.getStatus());
        }
        assertEquals(ErrorCode.CONFIRMATION_CONFLICT,
                refusal(kiosk.confirm(issuance.issuanceId(), Confirmation.printed()), 409).code());
    }

    @Test
    void malformedRequestsAreAnsweredWithApiErrors() {
        ApiError json = refusal(kiosk.postRaw(ApiPaths.SESSIONS, "{\"challengeId\": [山田 太郎"), 400);
        assertEquals(ErrorCode.BAD_REQUEST, json.code());
        assertFalse(json.detail().contains("山田"), "never echo the request");

        ApiError path = refusal(kiosk.postRaw("v1/nothing-here", "{}"), 404);
        assertEquals(ErrorCode.BAD_REQUEST, path.code());

        Session session = session("adult");
        ApiError copies = refusal(kiosk.post(ApiPaths.issuances(session.sessionId()),
                new IssuanceRequest("key-copies", DocumentType.RESIDENT_RECORD_COPY, 0)), 400);
        assertEquals(ErrorCode.BAD_REQUEST, copies.code());
        ApiError key = refusal(kiosk.post(ApiPaths.issuances(session.sessionId()),
                new IssuanceRequest(null, DocumentType.RESIDENT_RECORD_COPY, 1)), 400);
        assertEquals(ErrorCode.BAD_REQUEST, key.code());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static byte[] encoded(IssuedCard card) {
        try {
            return card.authCertificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(IssuedCard card) {
        return AuthenticationPayload.sha256Hex(encoded(card));
    }
}
