package jp.certkiosk.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The OpenAPI document kept in the repository says what the code says. */
class OpenApiDocumentTest {
    private final ObjectMapper json = ApiJson.newMapper();

    private static String openApi() throws IOException {
        try (InputStream in = ApiJson.class.getResourceAsStream("openapi.yaml")) {
            assertNotNull(in, "openapi.yaml is on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyErrorCodeIsDocumentedWithAStatus() throws IOException {
        String doc = openApi();
        String statuses = doc.substring(doc.indexOf("The HTTP status of each code:"), doc.indexOf("paths:"));
        String enumLine = doc.substring(doc.indexOf("ErrorCode:"), doc.indexOf("ApiError:"));
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(statuses.contains(code.name()), code + " has an HTTP status in openapi.yaml");
            assertTrue(enumLine.contains(code.name()), code + " is in the ErrorCode schema");
        }
    }

    @Test
    void everyPathIsDocumented() throws IOException {
        String doc = openApi();
        for (String path : List.of(ApiPaths.CHALLENGES, ApiPaths.SESSIONS, ApiPaths.issuances("{sessionId}"),
                ApiPaths.issuance("{issuanceId}"), ApiPaths.confirmation("{issuanceId}"),
                ApiPaths.useRegistration("{sessionId}"))) {
            assertTrue(doc.contains("  /" + path + ":"), path);
        }
        for (IssuanceOptions.RecordItem item : IssuanceOptions.RecordItem.values()) {
            assertTrue(doc.contains(item.name()), item.name());
        }
        for (DocumentType type : DocumentType.values()) {
            assertTrue(doc.substring(doc.indexOf("DocumentType:")).contains(type.name()), type.name());
        }
        for (FamilyRegisterAccess.Status status : FamilyRegisterAccess.Status.values()) {
            assertTrue(doc.contains(status.name()), status.name());
        }
    }

    @Test
    void requestsWithoutOptionsGetTheStandardOptions() throws Exception {
        IssuanceRequest old = json.readValue(
                "{\"idempotencyKey\":\"k\",\"documentType\":\"RESIDENT_RECORD_COPY\",\"copies\":2}", IssuanceRequest.class);
        assertEquals(IssuanceOptions.standard(), old.options());
        IssuanceRequest withOptions = new IssuanceRequest("k", DocumentType.RESIDENT_RECORD_COPY, 1,
                IssuanceOptions.selected(List.of("m1"), Set.of(IssuanceOptions.RecordItem.REGISTERED_DOMICILE)));
        assertEquals(withOptions, json.readValue(json.writeValueAsString(withOptions), IssuanceRequest.class));
        Menu menu = new Menu("999001", "x", List.of(), Set.of(IssuanceOptions.RecordItem.MY_NUMBER),
                List.of(new HouseholdMember("m1", "山田 太郎")));
        assertEquals(menu, json.readValue(json.writeValueAsString(menu), Menu.class));
        assertTrue(!menu.householdMembers().toString().contains("山田"), "names stay out of logs");
    }

    @Test
    void theChoicesOfRegisterAndTaxCertificatesRoundTripAndOlderMenusReadAsBefore() throws Exception {
        IssuanceOptions person = IssuanceOptions.registerPerson("p1");
        assertEquals(person, json.readValue(json.writeValueAsString(person), IssuanceOptions.class));
        IssuanceOptions tax = IssuanceOptions.tax(2025, IssuanceOptions.TaxCertificateKind.INCOME);
        assertEquals(tax, json.readValue(json.writeValueAsString(tax), IssuanceOptions.class));
        assertEquals(IssuanceOptions.standard(), tax.recordPart());
        Menu older = json.readValue("{\"municipalityCode\":\"999001\",\"municipalityName\":\"x\",\"documents\":[]}",
                Menu.class);
        assertEquals(FamilyRegisterAccess.Status.NONE, older.familyRegister().status());
        assertEquals(List.of(), older.fiscalYears());
        Menu menu = new Menu("999001", "x", List.of(), Set.of(), List.of(),
                new FamilyRegisterAccess(FamilyRegisterAccess.Status.AVAILABLE, "999002", "若葉県青葉町",
                        List.of(new HouseholdMember("p1", "木村 拓也"))), List.of(2026, 2025));
        assertEquals(menu, json.readValue(json.writeValueAsString(menu), Menu.class));
        assertEquals("999002", menu.issuingMunicipality(DocumentType.FAMILY_REGISTER_ANNEX));
        assertEquals("999001", menu.issuingMunicipality(DocumentType.TAX_CERTIFICATE));
    }

    @Test
    void theStatementRoundTripsAndRefusesGarbage() {
        DocumentStatement statement = new DocumentStatement("i", "s", "k", "ab", "999001",
                DocumentType.RESIDENT_RECORD_COPY, 2, 400, "cd", Instant.parse("2026-06-10T01:00:00Z"));
        assertEquals(statement, DocumentStatement.decode(statement.encode()));
        assertEquals(new DocumentBinding("i", "s", "ab"), statement.binding());
        assertThrows(IllegalArgumentException.class, () -> DocumentStatement.decode("{}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> DocumentStatement.decode(new byte[] {1, 2}));
    }

    @Test
    void issuanceCarriesItsSignedStatement() throws Exception {
        Issuance issuance = new Issuance("i", DocumentType.RESIDENT_RECORD_COPY, 1, 200, null, new byte[] {1},
                new byte[] {9, 8});
        Issuance back = json.readValue(json.writeValueAsString(issuance), Issuance.class);
        assertArrayEquals(new byte[] {9, 8}, back.signedStatement());
    }
}
