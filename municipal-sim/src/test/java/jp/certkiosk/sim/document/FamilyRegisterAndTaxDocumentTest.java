package jp.certkiosk.sim.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import jp.certkiosk.api.IssuanceOptions.TaxCertificateKind;
import jp.certkiosk.sim.registry.FamilyRegister;
import jp.certkiosk.sim.registry.Municipality;
import jp.certkiosk.sim.registry.RegisterPerson;
import jp.certkiosk.sim.registry.Resident;
import jp.certkiosk.sim.registry.SeedData;
import jp.certkiosk.sim.registry.TaxRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layouts of 戸籍証明書, 戸籍の附票の写し and the tax certificates, and their glyph rules. */
class FamilyRegisterAndTaxDocumentTest {
    private static final Municipality SAKURAGAWA = SeedData.MUNICIPALITIES.get(0);
    private static final LocalDate ISSUED_ON = LocalDate.of(2026, 6, 10);

    private static CertificatePdfWriter writer;

    @BeforeAll
    static void loadFont() {
        writer = CertificatePdfWriter.standard();
    }

    @AfterAll
    static void closeFont() {
        writer.close();
    }

    static FamilyRegister register(String id) {
        return SeedData.FAMILY_REGISTERS.stream().filter(r -> r.registerId().equals(id)).findFirst().orElseThrow();
    }

    static List<String> pageTexts(CertificateLayout layout, int page) {
        return layout.pages().get(page).stream().filter(PageElement.Text.class::isInstance)
                .map(e -> ((PageElement.Text) e).text()).toList();
    }

    @Test
    void aLargeRegisterRunsOverSheetsWithTheCertificationOnTheLastOnly() {
        CertificateLayout layout = new FamilyRegisterDocument(writer).layout(SAKURAGAWA, register("FR-0022"), null,
                "ISS-1", ISSUED_ON);
        assertTrue(layout.pages().size() >= 2, "pages: " + layout.pages().size());
        assertEquals(FamilyRegisterDocument.WHOLE_TITLE, layout.title());
        assertEquals(2, layout.texts().stream().filter("除籍"::equals).count(), "the son and the daughter who left");
        int last = layout.pages().size() - 1;
        assertTrue(pageTexts(layout, last).contains(FamilyRegisterDocument.WHOLE_CERTIFICATION));
        for (int page = 0; page < last; page++) {
            assertFalse(pageTexts(layout, page).contains(FamilyRegisterDocument.WHOLE_CERTIFICATION), "page " + page);
            assertTrue(pageTexts(layout, page).contains((page + 1) + " / " + layout.pages().size()));
        }
        assertTrue(layout.texts().contains("【名】一郎") && layout.texts().contains("【名】恵子"));
    }

    @Test
    void anIndividualCertificateHoldsTheHeadOfTheRegisterAndOnePerson() {
        FamilyRegister suzuki = register("FR-0023");
        RegisterPerson yui = suzuki.persons().get(3);
        CertificateLayout layout = new FamilyRegisterDocument(writer).layout(SAKURAGAWA, suzuki, yui, "ISS-2", ISSUED_ON);
        List<String> names = layout.texts().stream().filter(t -> t.startsWith("【名】")).toList();
        assertEquals(List.of("【名】結衣"), names);
        assertTrue(layout.texts().contains("鈴木 誠一"), "氏名 of the register: its head");
        assertTrue(layout.texts().contains("【出生地】アメリカ合衆国カリフォルニア州ロサンゼルス市"));
        assertTrue(layout.texts().contains(FamilyRegisterDocument.INDIVIDUAL_CERTIFICATION));
    }

    @Test
    void aNameNoFontDrawsRefusesTheRegisterRatherThanPrintingABox() throws Exception {
        FamilyRegister yamada = register("FR-0001");
        RegisterPerson gaiji = new RegisterPerson(4, null, "山田 \uE000子", LocalDate.of(2020, 1, 1), "山田 太郎",
                "山田 花子", "長女", null, false, List.of(), List.of());
        FamilyRegister withGaiji = new FamilyRegister(yamada.registerId(), yamada.municipalityCode(),
                yamada.municipalityName(), yamada.domicile(), yamada.headName(), yamada.compiledBy(),
                yamada.compiledOn(), List.of(yamada.persons().get(0), gaiji));
        assertThrows(UnprintableTextException.class,
                () -> new FamilyRegisterDocument(writer).render(SAKURAGAWA, withGaiji, null, "ISS-3", ISSUED_ON));
        assertThrows(UnprintableTextException.class,
                () -> new FamilyRegisterAnnexDocument(writer).render(SAKURAGAWA, withGaiji, "ISS-3", ISSUED_ON));

        RegisterPerson rare = new RegisterPerson(4, null, "山田 𠮷子", LocalDate.of(2020, 1, 1), "山田 太郎",
                "山田 花子", "長女", null, false, List.of(), List.of());
        FamilyRegister withRare = new FamilyRegister(yamada.registerId(), yamada.municipalityCode(),
                yamada.municipalityName(), yamada.domicile(), yamada.headName(), yamada.compiledBy(),
                yamada.compiledOn(), List.of(yamada.persons().get(0), rare));
        byte[] pdf = new FamilyRegisterDocument(writer).render(SAKURAGAWA, withRare, rare, "ISS-4", ISSUED_ON);
        try (PDDocument parsed = Loader.loadPDF(pdf)) {
            assertTrue(parsed.getNumberOfPages() >= 1, "𠮷 drawn with IPAmj Mincho");
        }
    }

    @Test
    void theAnnexListsEachPersonsAddressesOldestFirst() {
        CertificateLayout layout = new FamilyRegisterAnnexDocument(writer).layout(SAKURAGAWA, register("FR-0001"),
                "ISS-5", ISSUED_ON);
        List<String> texts = layout.texts();
        int former = texts.indexOf("東若葉県緑山市中央二丁目5番8号");
        int since = texts.indexOf("【住所を定めた年月日】平成24年6月1日");
        assertTrue(former >= 0 && since > former, texts.toString());
        assertTrue(texts.contains(FamilyRegisterAnnexDocument.CERTIFICATION));
    }

    @Test
    void taxCertificatesNameTheFiscalYearAndTheIncomeYear() {
        Resident yamada = SeedData.HOUSEHOLDS.get(0).members().get(0);
        TaxRecord row = SeedData.TAX_RECORDS.stream().filter(r -> r.residentId().equals("R-0001") && r.fiscalYear() == 2025)
                .findFirst().orElseThrow();
        assertEquals("令和元年度", TaxCertificateDocument.fiscalYear(2019));
        assertEquals("令和7年度", TaxCertificateDocument.fiscalYear(2025));
        TaxCertificateDocument document = new TaxCertificateDocument(writer);
        List<String> income = document.layout(SAKURAGAWA, yamada, row, TaxCertificateKind.INCOME, "ISS-6", ISSUED_ON).texts();
        assertTrue(income.contains("令和7年度　所得証明書") && income.contains("【所得】令和6年中の所得"), income.toString());
        assertTrue(income.contains("6,000,000円") && !income.contains("年税額"));
        List<String> tax = document.layout(SAKURAGAWA, yamada, row, TaxCertificateKind.TAXATION, "ISS-7", ISSUED_ON).texts();
        assertTrue(tax.contains("令和7年度　課税証明書") && tax.contains("年税額") && !tax.contains("給与収入"));
        assertTrue(tax.contains("住所（令和7年1月1日現在）"), "the address on the assessment date: " + tax);
    }
}
