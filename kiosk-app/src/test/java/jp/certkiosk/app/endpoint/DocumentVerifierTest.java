package jp.certkiosk.app.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import jp.certkiosk.api.AuthenticationPayload;
import jp.certkiosk.api.DocumentStatement;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.app.endpoint.DocumentVerifier.Verification;
import jp.certkiosk.sim.pki.DocumentSigner;
import jp.certkiosk.sim.pki.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk's check of the municipality's CMS signature, against signers made by the simulator's PKI. */
class DocumentVerifierTest {
    static final Instant NOW = Instant.parse("2026-06-10T01:00:00Z");
    static final byte[] PDF = "%PDF-1.7 the document".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @TempDir static Path dir;
    static TestPki municipal;
    static TestPki impostor;
    static DocumentVerifier verifier;

    @BeforeAll
    static void pkis() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        municipal = TestPki.openOrCreate(dir.resolve("municipal"), clock, List.of());
        impostor = TestPki.openOrCreate(dir.resolve("impostor"), clock, List.of());
        verifier = new DocumentVerifier(DocumentVerifier.readAnchor(municipal.documentSigningAnchor()), "kiosk-1", clock);
    }

    static DocumentStatement statement(String kioskId, byte[] pdf) {
        return new DocumentStatement("i-1", "s-1", kioskId, "aa11", "999001", DocumentType.RESIDENT_RECORD_COPY, 1, 200,
                AuthenticationPayload.sha256Hex(pdf), NOW);
    }

    static Issuance issuance(DocumentSigner signer, DocumentStatement statement, byte[] pdf) {
        return new Issuance("i-1", DocumentType.RESIDENT_RECORD_COPY, 1, 200, statement.binding(), pdf,
                signer.sign(statement.encode()));
    }

    static String rejection(Issuance issuance) {
        return assertInstanceOf(Verification.Rejected.class, verifier.verify(issuance)).reason();
    }

    @Test
    void aDocumentSignedByTheMunicipalityYieldsItsStatement() {
        DocumentStatement statement = statement("kiosk-1", PDF);
        Verification result = verifier.verify(issuance(municipal.documentSigner("999001"), statement, PDF));
        assertEquals(statement, assertInstanceOf(Verification.Verified.class, result).statement());
    }

    @Test
    void aSignerOutsideTheMunicipalAnchorIsRefused() {
        String reason = rejection(issuance(impostor.documentSigner("999001"), statement("kiosk-1", PDF), PDF));
        assertTrue(reason.contains("does not chain"), reason);
    }

    @Test
    void aMunicipalityCannotSignAnothersDocuments() {
        String reason = rejection(issuance(municipal.documentSigner("999002"), statement("kiosk-1", PDF), PDF));
        assertTrue(reason.contains("another municipality"), reason);
    }

    @Test
    void aPdfOtherThanTheOneSignedIsRefused() {
        byte[] other = "%PDF-1.7 another resident".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String reason = rejection(issuance(municipal.documentSigner("999001"), statement("kiosk-1", PDF), other));
        assertTrue(reason.contains("not the one signed"), reason);
    }

    @Test
    void aStatementForAnotherKioskIsRefused() {
        assertTrue(rejection(issuance(municipal.documentSigner("999001"), statement("kiosk-2", PDF), PDF))
                .contains("another kiosk"));
    }

    @Test
    void unsignedGarbledOrExpiredSignaturesAreRefused() {
        DocumentStatement statement = statement("kiosk-1", PDF);
        assertTrue(rejection(new Issuance("i-1", DocumentType.RESIDENT_RECORD_COPY, 1, 200, statement.binding(), PDF))
                .contains("not signed"));
        rejection(new Issuance("i-1", DocumentType.RESIDENT_RECORD_COPY, 1, 200, statement.binding(), PDF,
                new byte[] {0x30, 0x03, 1, 2, 3}));
        byte[] signed = municipal.documentSigner("999001").sign(statement.encode());
        signed[signed.length - 5] ^= 0x40;
        rejection(new Issuance("i-1", DocumentType.RESIDENT_RECORD_COPY, 1, 200, statement.binding(), PDF, signed));

        DocumentVerifier later = new DocumentVerifier(DocumentVerifier.readAnchor(municipal.documentSigningAnchor()),
                "kiosk-1", Clock.fixed(NOW.plus(Duration.ofDays(365 * 30)), ZoneOffset.UTC));
        Verification expired = later.verify(issuance(municipal.documentSigner("999001"), statement, PDF));
        assertInstanceOf(Verification.Rejected.class, expired, "a signer past its validity");
    }
}
