package jp.certkiosk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.certkiosk.api.ApiError;
import jp.certkiosk.api.ApiJson;
import jp.certkiosk.api.ApiPaths;
import jp.certkiosk.api.DocumentOffer;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.ErrorCode;
import jp.certkiosk.api.FamilyRegisterAccess;
import jp.certkiosk.api.Issuance;
import jp.certkiosk.api.IssuanceOptions;
import jp.certkiosk.api.IssuanceRequest;
import jp.certkiosk.api.Session;
import jp.certkiosk.api.UseRegistration;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over real HTTPS: the menu of family-register documents follows the registered domicile (same
 * municipality, another one after use registration, one that takes no part); the use registration
 * is filed free, stays pending until the simulator's operator approves it, and the register is then
 * issued and signed by the domicile's municipality. Tax certificates: the fiscal years offered, the
 * options checked, the assessment date.
 */
class DomicileAndTaxTest {
    @TempDir static Path dataDir;
    static MunicipalSimulator simulator;
    static TestKiosk kiosk;

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

    static Session session(String profile) {
        try (Response response = kiosk.openSession(simulator.card(profile).orElseThrow())) {
            return TestKiosk.ok(response, Session.class);
        }
    }

    static Response reserve(Session session, DocumentType type, IssuanceOptions options) {
        return kiosk.post(ApiPaths.issuances(session.sessionId()),
                new IssuanceRequest(java.util.UUID.randomUUID().toString(), type, 1, options));
    }

    static ApiError refusal(Response response, int status) throws IOException {
        try (response) {
            String body = response.readEntity(String.class);
            assertEquals(status, response.getStatus(), body);
            return ApiJson.newMapper().readValue(body, ApiError.class);
        }
    }

    static List<DocumentType> documents(Session session) {
        return session.menu().documents().stream().map(DocumentOffer::type).toList();
    }

    @Test
    void aDomicileInTheSameMunicipalityIsIssuedDirectly() {
        Session adult = session("adult");
        FamilyRegisterAccess access = adult.menu().familyRegister();
        assertEquals(FamilyRegisterAccess.Status.AVAILABLE, access.status());
        assertEquals("999001", access.municipalityCode());
        assertEquals(List.of("山田 太郎", "山田 花子", "山田 一郎"),
                access.persons().stream().map(p -> p.displayName()).toList());
        assertTrue(documents(adult).containsAll(List.of(DocumentType.FAMILY_REGISTER,
                DocumentType.FAMILY_REGISTER_ANNEX, DocumentType.TAX_CERTIFICATE)), documents(adult).toString());
        assertEquals(List.of(2026, 2025, 2024), adult.menu().fiscalYears());
        assertTrue(!access.toString().contains("山田"), "names stay out of logs");
    }

    @Test
    void useRegistrationIsFiledFreePendingThenApprovedByTheDomicilesMunicipality() throws Exception {
        Session before = session("domicile-aoba");
        assertEquals(FamilyRegisterAccess.Status.USE_REGISTRATION_REQUIRED, before.menu().familyRegister().status());
        assertEquals("若葉県青葉町", before.menu().familyRegister().municipalityName());
        assertTrue(before.menu().familyRegister().persons().isEmpty(), "nobody's name before approval");
        assertTrue(documents(before).stream().noneMatch(DocumentType::fromFamilyRegister), documents(before).toString());
        assertEquals(ErrorCode.USE_REGISTRATION_REQUIRED,
                refusal(reserve(before, DocumentType.FAMILY_REGISTER, IssuanceOptions.wholeRegister()), 403).code());

        UseRegistration filed;
        try (Response response = kiosk.post(ApiPaths.useRegistration(before.sessionId()), Map.of())) {
            filed = TestKiosk.ok(response, UseRegistration.class);
        }
        assertEquals(UseRegistration.Status.PENDING, filed.status());
        assertEquals("999002", filed.municipalityCode());
        try (Response again = kiosk.post(ApiPaths.useRegistration(before.sessionId()), Map.of())) {
            assertEquals(filed.filedAt(), TestKiosk.ok(again, UseRegistration.class).filedAt(), "filed once");
        }

        Session pending = session("domicile-aoba");
        assertEquals(FamilyRegisterAccess.Status.USE_REGISTRATION_PENDING, pending.menu().familyRegister().status());
        assertEquals(ErrorCode.USE_REGISTRATION_PENDING,
                refusal(reserve(pending, DocumentType.FAMILY_REGISTER_ANNEX, null), 403).code());

        assertEquals(1, simulator.approveUseRegistrations());
        Session approved = session("domicile-aoba");
        assertEquals(FamilyRegisterAccess.Status.AVAILABLE, approved.menu().familyRegister().status());
        DocumentOffer offer = approved.menu().documents().stream()
                .filter(o -> o.type() == DocumentType.FAMILY_REGISTER).findFirst().orElseThrow();
        assertEquals(450, offer.feeYen());
        String personRef = approved.menu().familyRegister().persons().get(0).memberRef();
        Issuance issuance;
        try (Response response = reserve(approved, DocumentType.FAMILY_REGISTER,
                IssuanceOptions.registerPerson(personRef))) {
            issuance = TestKiosk.ok(response, Issuance.class);
        }
        String statement = new String((byte[]) new CMSSignedData(issuance.signedStatement()).getSignedContent()
                .getContent(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(statement.contains("\"municipalityCode\":\"999002\""), "signed by 青葉町: " + statement);
        assertEquals(ErrorCode.BAD_REQUEST, refusal(reserve(session("domicile-aoba"), DocumentType.FAMILY_REGISTER,
                IssuanceOptions.registerPerson(personRef)), 400).code(), "a person reference of another session");
    }

    @Test
    void aDomicileThatTakesNoPartAndOneAtHomeCannotBeRegisteredFor() throws Exception {
        Session outside = session("domicile-outside");
        assertEquals(FamilyRegisterAccess.Status.DOMICILE_NOT_PARTICIPATING, outside.menu().familyRegister().status());
        assertEquals("東若葉県緑山市", outside.menu().familyRegister().municipalityName());
        assertEquals(ErrorCode.DOMICILE_NOT_PARTICIPATING,
                refusal(kiosk.post(ApiPaths.useRegistration(outside.sessionId()), Map.of()), 403).code());
        assertEquals(ErrorCode.DOMICILE_NOT_PARTICIPATING,
                refusal(reserve(outside, DocumentType.FAMILY_REGISTER, null), 403).code());
        assertEquals(ErrorCode.DOCUMENT_REFUSED,
                refusal(kiosk.post(ApiPaths.useRegistration(session("adult").sessionId()), Map.of()), 403).code());
        assertEquals(FamilyRegisterAccess.Status.NONE, session("foreign").menu().familyRegister().status());
    }

    @Test
    void taxCertificatesForTheYearsOfferedAndOnlyToThoseResidentOnJanuaryFirst() throws Exception {
        Session outside = session("domicile-outside");
        assertEquals(ErrorCode.NOT_RESIDENT_ON_JANUARY_FIRST, refusal(reserve(outside, DocumentType.TAX_CERTIFICATE,
                IssuanceOptions.tax(2025, IssuanceOptions.TaxCertificateKind.INCOME)), 403).code());
        assertEquals(ErrorCode.OPTION_NOT_ALLOWED, refusal(reserve(outside, DocumentType.TAX_CERTIFICATE,
                IssuanceOptions.tax(2019, null)), 403).code(), "a year not offered");
        assertEquals(ErrorCode.OPTION_NOT_ALLOWED, refusal(reserve(outside, DocumentType.RESIDENT_RECORD_COPY,
                IssuanceOptions.tax(2026, null)), 403).code(), "a tax choice on a resident record");
        assertEquals(ErrorCode.OPTION_NOT_ALLOWED, refusal(reserve(session("adult"), DocumentType.TAX_CERTIFICATE,
                IssuanceOptions.wholeRegister()), 403).code(), "a register choice on a tax certificate");
        try (Response response = reserve(outside, DocumentType.TAX_CERTIFICATE, IssuanceOptions.tax(2026, null))) {
            assertEquals(300, TestKiosk.ok(response, Issuance.class).feeYen());
        }
        assertEquals(List.of(), session("single").menu().fiscalYears(), "青葉町 issues no tax certificates");
    }
}
