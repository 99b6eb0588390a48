package jp.certkiosk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.certkiosk.api.Confirmation;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.Session;
import jp.certkiosk.sim.MisissuanceAudit.KioskTransaction;
import jp.certkiosk.sim.registry.RegistryDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MisissuanceAuditTest {
    @TempDir
    Path dataDir;

    private static Issuance issue(TestKiosk kiosk, IssuedCard card, Confirmation confirmation) {
        Session session;
        try (Response response = kiosk.openSession(card)) {
            session = TestKiosk.ok(response, Session.class);
        }
        Issuance issuance;
        try (Response response = kiosk.reserve(session.sessionId(), DocumentType.RESIDENT_RECORD_COPY)) {
            issuance = TestKiosk.ok(response, Issuance.class);
        }
        try (Response response = kiosk.confirm(issuance.issuanceId(), confirmation)) {
            assertEquals(204, response.getStatus());
        }
        return issuance;
    }

    @Test
    void aDocumentOfAnotherResidentAFeeWithoutPrintAndATwiceUsedIdAreFound() throws Exception {
        Path printed;
        Path other;
        Issuance adults;
        Issuance failed;
        Issuance spouses;
        try (MunicipalSimulator simulator = MunicipalSimulator.start(SimulatorOptions.defaults(dataDir));
             TestKiosk kiosk = new TestKiosk(simulator.baseUri(), simulator.kioskCredentials())) {
            adults = issue(kiosk, simulator.card("adult").orElseThrow(), Confirmation.printed());
            printed = Files.write(dataDir.resolve("adult.pdf"), adults.pdf());
            failed = issue(kiosk, simulator.card("single").orElseThrow(), Confirmation.failed("paper jam"));
            spouses = issue(kiosk, simulator.card("village").orElseThrow(), Confirmation.printed());
            other = Files.write(dataDir.resolve("village.pdf"), spouses.pdf());
        }
        String kiosk = MunicipalSimulator.DEMO_KIOSK_ID;
        try (RegistryDatabase registry = RegistryDatabase.open(dataDir.resolve("registry"))) {
            MisissuanceAudit.Result clean = MisissuanceAudit.audit(List.of(
                    new KioskTransaction(kiosk, "adult", "ISSUED", adults.issuanceId(), adults.feeYen(), printed),
                    new KioskTransaction(kiosk, "single", "PRINT_FAILED", failed.issuanceId(), 0, null),
                    new KioskTransaction(kiosk, "village", "ISSUED", spouses.issuanceId(), spouses.feeYen(), other)),
                    registry);
            assertTrue(clean.clean(), clean.mismatches()::toString);
            assertEquals(2, clean.printedInLedger());
            assertEquals(1, clean.failedInLedger());
            assertEquals(adults.feeYen() + spouses.feeYen(), clean.feesYen());

            MisissuanceAudit.Result misissued = MisissuanceAudit.audit(List.of(
                    // the village resident's document printed for the adult's card
                    new KioskTransaction(kiosk, "adult", "ISSUED", spouses.issuanceId(), spouses.feeYen(), other),
                    new KioskTransaction(kiosk, "single", "PRINT_FAILED", failed.issuanceId(), 300, null),
                    new KioskTransaction(kiosk, "adult", "ISSUED", adults.issuanceId(), adults.feeYen(), printed),
                    new KioskTransaction(kiosk, "adult", "ISSUED", adults.issuanceId(), adults.feeYen(), printed)),
                    registry);
            String found = misissued.mismatches().toString();
            assertTrue(found.contains("does not name card adult's resident"), found);
            assertTrue(found.contains("kept 300 yen without a document"), found);
            assertTrue(found.contains("handed out twice"), found);
        }
    }
}
