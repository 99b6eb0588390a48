package jp.certkiosk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import jp.certkiosk.api.ApiError;
import jp.certkiosk.api.ApiPaths;
import jp.certkiosk.api.AuthenticationPayload;
import jp.certkiosk.api.Challenge;
import jp.certkiosk.api.Confirmation;
import jp.certkiosk.api.DocumentStatement;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.HouseholdMember;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.IssuanceOptions;
import jp.certkiosk.api.IssuanceOptions.RecordItem;
import jp.certkiosk.api.IssuanceRequest;
import jp.certkiosk.api.IssuanceState;
import jp.certkiosk.api.Session;
import jp.certkiosk.api.SessionRequest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over real HTTPS with mutual TLS, and OCSP over HTTP: every authentication outcome, every
 * resident and municipality refusal, the options, the signed statement, two-phase issuance with
 * the fee counted on confirm. Municipalities keep their hours at a test clock starting on a
 * Wednesday at 10:00 in Japan.
 */
class TrustAndRefusalsTest {
    /** Wednesday 2026-06-10 10:00 JST. */
    private static final Instant WEDNESDAY_MORNING = Instant.parse("2026-06-10T01:00:00Z");

    @TempDir
    static Path dataDir;
    private static TestClock clock;
    private static MunicipalSimulator simulator;
    private static TestKiosk kiosk;

    @BeforeAll
    static void start() {
        clock = new TestClock(WEDNESDAY_MORNING);
        simulator = MunicipalSimulator.start(SimulatorOptions.defaults(dataDir).withServiceHours(clock));
        kiosk = new TestKiosk(simulator.baseUri(), simulator.kioskCredentials());
    }

    @AfterAll
    static void stop() {
        kiosk.close();
        simulator.close();
    }

    private static synchronized void at(Instant instant) {
        clock.advance(Duration.between(clock.instant(), instant));
    }

    private static IssuedCard card(String profile) {
        return simulator.card(profile).orElseThrow();
    }

    private static ApiError refusal(Response response, int status) {
        try (response) {
            String body = response.readEntity(String.class);
            assertEquals(status, response.getStatus(), body);
            try {
                return jp.certkiosk.api.ApiJson.newMapper().readValue(body, ApiError.class);
            } catch (IOException e) {
                throw new AssertionError(body, e);
            }
        }
    }

    private static ErrorCode sessionRefusal(String profile, int status) {
        return refusal(kiosk.openSession(card(profile)), status).code();
    }

    private static Session session(String profile) {
        try (Response response = kiosk.openSession(card(profile))) {
            return TestKiosk.ok(response, Session.class);
        }
    }

    private static Response reserve(Session session, DocumentType type, IssuanceOptions options) {
        return kiosk.post(ApiPaths.issuances(session.sessionId()),
                new IssuanceRequest(java.util.UUID.randomUUID().toString(), type, 1, options));
    }

    // -- authentication: every outcome, distinct -------------------------------------------------

    @Test
    void eachAuthenticationOutcomeHasItsOwnCode() {
        at(WEDNESDAY_MORNING);
        assertEquals(ErrorCode.CERTIFICATE_SUSPENDED, sessionRefusal("suspended", 401));
        assertEquals(ErrorCode.CERTIFICATE_REVOKED, sessionRefusal("revoked", 401));
        assertEquals(ErrorCode.CERTIFICATE_EXPIRED, sessionRefusal("expired", 401));
        assertEquals(ErrorCode.CERTIFICATE_NOT_YET_VALID, sessionRefusal("not-yet-valid", 401));
        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, sessionRefusal("unknown-issuer", 401));

        Challenge challenge = kiosk.challenge();
        SessionRequest forged = TestKiosk.signed(challenge, card("adult"), kiosk.kioskId());
        SessionRequest wrongKey = new SessionRequest(forged.challengeId(), forged.kioskId(), forged.certificate(),
                TestKiosk.sign(card("spouse").authKey(),
                        AuthenticationPayload.bytes(challenge.challengeId(), challenge.nonce(), kiosk.kioskId())));
        assertEquals(ErrorCode.SIGNATURE_INVALID, refusal(kiosk.post(ApiPaths.SESSIONS, wrongKey), 401).code());

        assertEquals("999001", session("adult").menu().municipalityCode(), "a good card still opens a session");
    }

    @Test
    void aLostCardIsSuspendedByTheHotlineAndReinstatedWhenFound() {
        at(WEDNESDAY_MORNING);
        X509Certificate certificate = card("aoba-spouse").authCertificate();
        simulator.revocations().suspend(certificate);
        clock.advance(Duration.ofSeconds(5));
        assertEquals(ErrorCode.CERTIFICATE_SUSPENDED, sessionRefusal("aoba-spouse", 401));
        simulator.revocations().reinstate(certificate);
        assertEquals("999002", session("aoba-spouse").menu().municipalityCode());
    }

    // -- residents -------------------------------------------------------------------------------

    @Test
    void residentsAKioskMustSendToTheCounter() {
        at(WEDNESDAY_MORNING);
        for (String profile : List.of("moved-out", "deceased", "restricted", "pending-name")) {
            assertEquals(ErrorCode.RESIDENT_REFUSED, sessionRefusal(profile, 403), profile);
        }
        assertEquals(ErrorCode.RESIDENT_NOT_FOUND, sessionRefusal("unregistered", 404));
    }

    // -- municipalities: hours, closure, weekdays only, documents, options ----------------------

    @Test
    void closedAtNightAndOverTheYearEnd() {
        at(Instant.parse("2026-06-10T14:30:00Z")); // 23:30 JST
        assertEquals(ErrorCode.MUNICIPALITY_CLOSED, sessionRefusal("adult", 403));
        at(Instant.parse("2026-06-09T21:29:00Z")); // 06:29 JST
        assertEquals(ErrorCode.MUNICIPALITY_CLOSED, sessionRefusal("adult", 403));
        at(Instant.parse("2026-06-09T21:30:00Z")); // 06:30 JST
        assertEquals("999001", session("adult").menu().municipalityCode());
        at(Instant.parse("2026-12-30T01:00:00Z")); // Dec 30, 10:00 JST
        assertEquals(ErrorCode.MUNICIPALITY_CLOSED, sessionRefusal("adult", 403));
        at(Instant.parse("2027-01-04T01:00:00Z")); // Jan 4, 10:00 JST
        assertEquals("999001", session("adult").menu().municipalityCode());
        at(WEDNESDAY_MORNING);
    }

    @Test
    void familyRegisterDocumentsOnWeekdaysOnly() {
        at(Instant.parse("2026-06-13T01:00:00Z")); // Saturday 10:00 JST
        Session saturday = session("village");
        assertTrue(saturday.menu().documents().stream().noneMatch(d -> d.type() == DocumentType.FAMILY_REGISTER),
                "not on Saturday's menu");
        assertTrue(saturday.menu().documents().stream().anyMatch(d -> d.type() == DocumentType.TAX_CERTIFICATE));
        assertEquals(ErrorCode.DOCUMENT_NOT_AVAILABLE_NOW,
                refusal(reserve(saturday, DocumentType.FAMILY_REGISTER, null), 403).code());
        at(WEDNESDAY_MORNING);
        Session wednesday = session("village");
        assertTrue(wednesday.menu().documents().stream().anyMatch(d -> d.type() == DocumentType.FAMILY_REGISTER));
        assertTrue(session("adult").menu().documents().stream().anyMatch(d -> d.type() == DocumentType.FAMILY_REGISTER),
                "桜川市 issues its own registers on weekdays");
        assertEquals(ErrorCode.DOCUMENT_NOT_OFFERED,
                refusal(reserve(session("single"), DocumentType.SEAL_REGISTRATION, null), 403).code(),
                "青葉町 does not offer 印鑑登録証明書 at kiosks");
    }

    @Test
    void optionsTheMunicipalityOrTheRecordDoesNotAllow() {
        at(WEDNESDAY_MORNING);
        Session adult = session("adult");
        assertFalse(adult.menu().allowedItems().contains(RecordItem.MY_NUMBER));
        assertEquals(ErrorCode.OPTION_NOT_ALLOWED, refusal(reserve(adult, DocumentType.RESIDENT_RECORD_COPY,
                new IssuanceOptions(null, null, Set.of(RecordItem.MY_NUMBER))), 403).code());
        assertEquals(ErrorCode.OPTION_NOT_ALLOWED, refusal(reserve(session("foreign"), DocumentType.RESIDENT_RECORD_COPY,
                new IssuanceOptions(null, null, Set.of(RecordItem.REGISTERED_DOMICILE))), 403).code(),
                "本籍 only for Japanese nationals");
        assertEquals(ErrorCode.OPTION_NOT_ALLOWED, refusal(reserve(adult, DocumentType.SEAL_REGISTRATION,
                new IssuanceOptions(null, null, Set.of(RecordItem.HEAD_AND_RELATIONSHIP))), 403).code());
        Session village = session("village");
        assertTrue(village.menu().allowedItems().contains(RecordItem.MY_NUMBER), "松原村 allows My Number");
        try (Response response = reserve(village, DocumentType.RESIDENT_RECORD_COPY,
                new IssuanceOptions(null, null, Set.of(RecordItem.MY_NUMBER, RecordItem.REGISTERED_DOMICILE)))) {
            assertEquals(200, response.getStatus());
        }
    }

    @Test
    void selectedMembersOnly() throws IOException {
        at(WEDNESDAY_MORNING);
        Session session = session("adult");
        List<HouseholdMember> members = session.menu().householdMembers();
        assertEquals(3, members.size());
        HouseholdMember spouse = members.stream().filter(m -> m.displayName().equals("山田 花子")).findFirst().orElseThrow();
        Issuance issuance;
        try (Response response = reserve(session, DocumentType.RESIDENT_RECORD_COPY,
                IssuanceOptions.selected(List.of(spouse.memberRef()), Set.of(RecordItem.HEAD_AND_RELATIONSHIP)))) {
            issuance = TestKiosk.ok(response, Issuance.class);
        }
        String text = text(issuance.pdf());
        assertTrue(text.contains("山田 花子"), text);
        assertFalse(text.contains("山田 一郎"), "a member not selected is not shown");
        assertEquals(ErrorCode.BAD_REQUEST, refusal(reserve(session, DocumentType.RESIDENT_RECORD_COPY,
                IssuanceOptions.selected(List.of("not-a-member"), Set.of())), 400).code());
        IssuanceRequest whole = new IssuanceRequest("options-key", DocumentType.RESIDENT_RECORD_COPY, 1);
        try (Response response = kiosk.post(ApiPaths.issuances(session.sessionId()), whole)) {
            TestKiosk.ok(response, Issuance.class);
        }
        assertEquals(ErrorCode.IDEMPOTENCY_CONFLICT, refusal(kiosk.post(ApiPaths.issuances(session.sessionId()),
                new IssuanceRequest("options-key", DocumentType.RESIDENT_RECORD_COPY, 1,
                        IssuanceOptions.selected(List.of(spouse.memberRef()), Set.of()))), 409).code(),
                "the same key with other options is another request");
        Session other = session("single");
        assertEquals(ErrorCode.BAD_REQUEST, refusal(reserve(other, DocumentType.RESIDENT_RECORD_COPY,
                IssuanceOptions.selected(List.of(spouse.memberRef()), Set.of())), 400).code(),
                "a member reference means nothing in another session");
    }

    // -- the signed statement, two phases, the fee --------------------------------------------------

    @Test
    void theDocumentIsSignedByTheMunicipalityAndBoundToSessionAndCard() throws Exception {
        at(WEDNESDAY_MORNING);
        Session session = session("single");
        Issuance issuance;
        try (Response response = reserve(session, DocumentType.RESIDENT_RECORD_COPY, null)) {
            issuance = TestKiosk.ok(response, Issuance.class);
        }
        CMSSignedData signed = new CMSSignedData(issuance.signedStatement());
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        @SuppressWarnings("unchecked")
        X509CertificateHolder holder = (X509CertificateHolder) signed.getCertificates().getMatches(signer.getSID())
                .iterator().next();
        assertTrue(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder)));
        X509Certificate anchor;
        try (var in = Files.newInputStream(simulator.documentSigningAnchor())) {
            anchor = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertTrue(holder.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                .build(anchor)), "the signer is certified by the document-signing anchor");
        assertTrue(holder.getSubject().toString().contains("CN=999002"), "青葉町 signs its own documents");

        DocumentStatement statement = DocumentStatement.decode((byte[]) signed.getSignedContent().getContent());
        assertEquals(issuance.issuanceId(), statement.issuanceId());
        assertEquals(session.sessionId(), statement.sessionId());
        assertEquals(kiosk.kioskId(), statement.kioskId());
        assertEquals(AuthenticationPayload.sha256Hex(card("single").authCertificate().getEncoded()),
                statement.certificateSha256());
        assertEquals(AuthenticationPayload.sha256Hex(issuance.pdf()), statement.pdfSha256());
    }

    @Test
    void theFeeCountsOnlyOnAPrintedConfirmationAndTheRecoveryQuerySaysWhereItStands() {
        at(WEDNESDAY_MORNING);
        Session session = session("aoba-head");
        Issuance issuance;
        try (Response response = kiosk.post(ApiPaths.issuances(session.sessionId()),
                new IssuanceRequest("fee-test", DocumentType.RESIDENT_RECORD_COPY, 3))) {
            issuance = TestKiosk.ok(response, Issuance.class);
        }
        assertEquals(900, issuance.feeYen(), "the fee is for all copies: 3 x 300");
        long before = simulator.feesChargedYen();
        IssuanceState reserved = state(issuance.issuanceId());
        assertEquals(IssuanceState.Status.RESERVED, reserved.status());
        assertEquals(0, reserved.feeChargedYen());
        assertEquals(before, simulator.feesChargedYen(), "a reservation charges nothing");

        try (Response response = kiosk.confirm(issuance.issuanceId(), Confirmation.printed())) {
            assertEquals(204, response.getStatus());
        }
        IssuanceState printed = state(issuance.issuanceId());
        assertEquals(IssuanceState.Status.PRINTED, printed.status());
        assertEquals(900, printed.feeChargedYen());
        assertEquals(before + 900, simulator.feesChargedYen());
        assertTrue(printed.confirmedAt() != null);

        Session failedSession = session("aoba-head");
        Issuance failed;
        try (Response response = reserve(failedSession, DocumentType.RESIDENT_RECORD_COPY, null)) {
            failed = TestKiosk.ok(response, Issuance.class);
        }
        try (Response response = kiosk.confirm(failed.issuanceId(), Confirmation.failed("paper out"))) {
            assertEquals(204, response.getStatus());
        }
        IssuanceState failedState = state(failed.issuanceId());
        assertEquals(IssuanceState.Status.FAILED, failedState.status());
        assertEquals("paper out", failedState.failureReason());
        assertEquals(0, failedState.feeChargedYen());
        assertEquals(before + 900, simulator.feesChargedYen(), "a failed print charges nothing");

        try (TestKiosk other = new TestKiosk(simulator.baseUri(), simulator.kioskCredentials("kiosk-other-009"));
             Response response = other.get(ApiPaths.issuance(issuance.issuanceId()))) {
            assertEquals(404, response.getStatus(), "another kiosk learns nothing of it");
        }
    }

    private static IssuanceState state(String issuanceId) {
        try (Response response = kiosk.get(ApiPaths.issuance(issuanceId))) {
            return TestKiosk.ok(response, IssuanceState.class);
        }
    }

    @Test
    void misissuanceFaultsProduceValidSignaturesOverTheWrongBinding() throws Exception {
        at(WEDNESDAY_MORNING);
        Session first = session("spouse");
        try (Response response = reserve(first, DocumentType.RESIDENT_RECORD_COPY, null)) {
            TestKiosk.ok(response, Issuance.class);
        }
        Session second = session("single");
        simulator.misissueNext(jp.certkiosk.sim.endpoint.IssuanceDesk.Misissuance.ANOTHER_SESSIONS_DOCUMENT);
        Issuance wrong;
        try (Response response = reserve(second, DocumentType.RESIDENT_RECORD_COPY, null)) {
            wrong = TestKiosk.ok(response, Issuance.class);
        }
        CMSSignedData signed = new CMSSignedData(wrong.signedStatement());
        DocumentStatement statement = DocumentStatement.decode((byte[]) signed.getSignedContent().getContent());
        assertNotEquals(second.sessionId(), statement.sessionId(), "bound to another session");

        simulator.misissueNext(jp.certkiosk.sim.endpoint.IssuanceDesk.Misissuance.ANOTHER_CARDS_BINDING);
        try (Response response = reserve(second, DocumentType.RESIDENT_RECORD_COPY, null)) {
            Issuance anotherCard = TestKiosk.ok(response, Issuance.class);
            DocumentStatement s = DocumentStatement.decode((byte[]) new CMSSignedData(anotherCard.signedStatement())
                    .getSignedContent().getContent());
            assertEquals(second.sessionId(), s.sessionId());
            assertNotEquals(AuthenticationPayload.sha256Hex(card("single").authCertificate().getEncoded()),
                    s.certificateSha256());
        }
        try (Response response = reserve(second, DocumentType.RESIDENT_RECORD_COPY, null)) {
            Issuance right = TestKiosk.ok(response, Issuance.class);
            assertEquals(second.sessionId(), right.binding().sessionId(), "a fault happens once");
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
