package jp.certkiosk.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import jp.certkiosk.api.Confirmation;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartTest {
    @Test
    void aRestartOnTheSameDataDirectoryReusesThePkiAndTheRegistry(@TempDir Path dataDir) throws Exception {
        byte[] cardCertificate;
        String issuanceId;
        try (MunicipalSimulator first = MunicipalSimulator.start(SimulatorOptions.defaults(dataDir));
             TestKiosk kiosk = new TestKiosk(first.baseUri(), first.kioskCredentials())) {
            IssuedCard adult = first.card("adult").orElseThrow();
            cardCertificate = adult.authCertificate().getEncoded();
            Session session;
            try (Response response = kiosk.openSession(adult)) {
                session = TestKiosk.ok(response, Session.class);
            }
            try (Response response = kiosk.reserve(session.sessionId(), DocumentType.RESIDENT_RECORD_COPY)) {
                issuanceId = TestKiosk.ok(response, Issuance.class).issuanceId();
            }
        }

        try (MunicipalSimulator second = MunicipalSimulator.start(SimulatorOptions.defaults(dataDir));
             TestKiosk kiosk = new TestKiosk(second.baseUri(), second.kioskCredentials())) {
            IssuedCard adult = second.card("adult").orElseThrow();
            assertArrayEquals(cardCertificate, adult.authCertificate().getEncoded());
            assertEquals("1234", adult.pin());
            try (Response response = kiosk.confirm(issuanceId, Confirmation.printed())) {
                assertEquals(204, response.getStatus(), "the issuance reserved before the restart is still there");
            }
            try (Response response = kiosk.openSession(adult)) {
                assertEquals("999001", TestKiosk.ok(response, Session.class).menu().municipalityCode());
            }
        }
    }
}
