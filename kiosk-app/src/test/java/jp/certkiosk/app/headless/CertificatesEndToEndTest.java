package jp.certkiosk.app.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.certkiosk.api.ApiJson;
import jp.certkiosk.api.DocumentType;
import jp.certkiosk.api.IssuanceOptions.RegisterExtent;
import jp.certkiosk.api.IssuanceOptions.TaxCertificateKind;
import jp.certkiosk.app.testing.SimulatedEnvironment;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every certificate a convenience store issues beyond the resident record, through the kiosk's
 * production flow against the simulator over HTTPS: 戸籍証明書 (全部事項 and 個人事項, a register over
 * two sheets, a child born abroad), 戸籍の附票の写し, tax certificates of a chosen fiscal year (and the
 * refusal, before any fee, of a year the resident did not live there), and the registered domicile
 * in another municipality: use registration filed, pending, approved by the clock, then issued.
 * Each printed file is read back with poppler's {@code pdftotext}.
 */
class CertificatesEndToEndTest {
    /** Wednesday 2026-06-10 10:00 JST. */
    static final Instant WEDNESDAY_MORNING = Instant.parse("2026-06-10T01:00:00Z");

    @TempDir static Path dir;
    static MovableClock clock;
    static SimulatedEnvironment demo;
    static HeadlessRunner runner;

    @BeforeAll
    static void start() throws IOException {
        clock = new MovableClock(WEDNESDAY_MORNING);
        demo = SimulatedEnvironment.start(dir.resolve("var"), dir.resolve("out"), clock, true);
        runner = new HeadlessRunner(demo.engine(), demo.slot(), demo.journal(), demo.payment());
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static Report.TransactionReport play(Scenario.Step step) {
        return runner.run(new Scenario(List.of(step))).transactions().get(0);
    }

    static Scenario.Step step(String card, DocumentType document, RegisterExtent register, String person,
                              Integer fiscalYear, TaxCertificateKind kind, Boolean useRegistration) {
        String pin = demo.simulator().card(card).orElseThrow().pin();
        return new Scenario.Step(card, List.of(pin), document, 1, register, person, fiscalYear, kind, useRegistration);
    }

    static Scenario.Step step(String card, DocumentType document) {
        return step(card, document, null, null, null, null, null);
    }

    /** The text of a printed file as poppler's pdftotext reads it, without spaces. */
    static String pdftotext(String file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file, "-").redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pdftotext finished");
        assertEquals(0, process.exitValue(), text);
        return text.replaceAll("[ 　\\t]", "");
    }

    static int pages(String file) throws IOException {
        try (PDDocument document = Loader.loadPDF(Path.of(file).toFile())) {
            return document.getNumberOfPages();
        }
    }

    @Test
    void theWholeFamilyRegisterOfTheResidentsOwnMunicipality() throws Exception {
        Report.TransactionReport result = play(step("adult", DocumentType.FAMILY_REGISTER));

        assertEquals("ISSUED", result.outcome(), result.journal().toString());
        assertEquals(450, result.feeYen());
        String text = pdftotext(result.outputFile());
        assertTrue(text.contains("戸籍全部事項証明書"), text);
        assertTrue(text.contains("山田太郎"), text);
        assertTrue(text.contains("これは、戸籍に記録されている事項の全部を証明した書面である。"), text);
        assertTrue(text.contains("【名】花子") && text.contains("【名】一郎"), "every person of the register: " + text);
        assertTrue(text.contains("【配偶者氏名】佐藤花子") && text.contains("【続柄】長男"), text);
        assertTrue(text.contains("若葉県桜川市本町一丁目2番"), "本籍: " + text);
    }

    @Test
    void anIndividualCertificateShowsOnlyThePersonChosen() throws Exception {
        Report.TransactionReport result = play(step("spouse", DocumentType.FAMILY_REGISTER, RegisterExtent.INDIVIDUAL,
                "山田 一郎", null, null, null));

        assertEquals("ISSUED", result.outcome(), result.journal().toString());
        String text = pdftotext(result.outputFile());
        assertTrue(text.contains("戸籍個人事項証明書"), text);
        assertTrue(text.contains("【名】一郎"), text);
        assertFalse(text.contains("【名】花子") || text.contains("【名】太郎"), "only the person chosen: " + text);
        assertTrue(text.contains("山田太郎"), "氏名 of the register's head: " + text);
        assertTrue(text.contains("戸籍中の一部の者について記録されている事項の全部を証明した書面である"), text);
    }

    @Test
    void aLargeRegisterRunsOverTwoSheetsAndMarksThoseWhoLeftIt() throws Exception {
        Report.TransactionReport result = play(step("large-household", DocumentType.FAMILY_REGISTER));

        assertEquals("ISSUED", result.outcome(), result.journal().toString());
        assertTrue(pages(result.outputFile()) >= 4, "two sheets, front and back: " + pages(result.outputFile()));
        String text = pdftotext(result.outputFile());
        assertTrue(text.contains("戸籍全部事項証明書") && text.contains("鈴木一郎"), text);
        assertTrue(text.contains("除籍"), "a son and a daughter left on marriage: " + text);
        assertTrue(text.contains("【新本籍】"), text);
    }

    @Test
    void aChildBornAbroadIsRecordedWithTheConsulatesReport() throws Exception {
        Report.TransactionReport result = play(step("register-born-abroad", DocumentType.FAMILY_REGISTER,
                RegisterExtent.INDIVIDUAL, "鈴木 結衣", null, null, null));

        assertEquals("ISSUED", result.outcome(), result.journal().toString());
        String text = pdftotext(result.outputFile());
        assertTrue(text.contains("戸籍個人事項証明書") && text.contains("鈴木誠一") && text.contains("【名】結衣"), text);
        assertTrue(text.contains("アメリカ合衆国カリフォルニア州ロサンゼルス市"), text);
        assertTrue(text.contains("【受理者】在ロサンゼルス総領事"), text);
    }

    @Test
    void theAnnexGivesTheAddressHistoryOfThePersonsInTheRegister() throws Exception {
        Report.TransactionReport result = play(step("adult", DocumentType.FAMILY_REGISTER_ANNEX));

        assertEquals("ISSUED", result.outcome(), result.journal().toString());
        assertEquals(300, result.feeYen());
        String text = pdftotext(result.outputFile());
        assertTrue(text.contains("戸籍の附票の写し") && text.contains("山田太郎"), text);
        assertTrue(text.contains("東若葉県緑山市中央二丁目5番8号") && text.contains("【住所を定めた年月日】平成24年6月1日"),
                "花子's addresses, oldest first: " + text);
        assertTrue(text.contains("この写しは、戸籍の附票の原本と相違ないことを証明する。"), text);
    }

    @Test
    void aTaxCertificateOfTheFiscalYearChosen() throws Exception {
        Report.TransactionReport income = play(step("adult", DocumentType.TAX_CERTIFICATE, null, null, 2025,
                TaxCertificateKind.INCOME, null));
        assertEquals("ISSUED", income.outcome(), income.journal().toString());
        String text = pdftotext(income.outputFile());
        assertTrue(text.contains("令和7年度") && text.contains("所得証明書") && text.contains("山田太郎"), text);
        assertTrue(text.contains("令和6年中の所得") && text.contains("6,000,000円"), "salary of 2024: " + text);
        assertFalse(text.contains("年税額"), "an income certificate only: " + text);

        Report.TransactionReport both = play(step("adult", DocumentType.TAX_CERTIFICATE));
        assertEquals("ISSUED", both.outcome(), both.journal().toString());
        String newest = pdftotext(both.outputFile());
        assertTrue(newest.contains("令和8年度") && newest.contains("所得・課税証明書") && newest.contains("年税額"),
                "the newest year offered, both parts: " + newest);
    }

    @Test
    void aTaxCertificateIsRefusedBeforeAnyFeeForAYearTheResidentDidNotLiveThere() throws Exception {
        // 林 美香 moved to 桜川市 in October 2025: 2025's tax was levied where she lived on 1 January 2025
        Report.TransactionReport refused = play(step("domicile-outside", DocumentType.TAX_CERTIFICATE, null, null, 2025,
                null, null));
        assertEquals("REFUSED_NOT_RESIDENT_ON_JANUARY_FIRST", refused.outcome(), refused.journal().toString());
        assertNull(refused.outputFile());
        assertEquals(0, refused.paidYen());
        assertTrue(refused.journal().stream().noneMatch(line -> line.startsWith("RESERVED") || line.startsWith("PAID")),
                refused.journal().toString());

        Report.TransactionReport issued = play(step("domicile-outside", DocumentType.TAX_CERTIFICATE, null, null, 2026,
                null, null));
        assertEquals("ISSUED", issued.outcome(), issued.journal().toString());
        assertTrue(pdftotext(issued.outputFile()).contains("林美香"));
    }

    @Test
    void aDomicileInAnotherMunicipalityNeedsAUseRegistrationFirst() throws Exception {
        Report.TransactionReport before = play(step("domicile-aoba", DocumentType.FAMILY_REGISTER));
        assertEquals("REFUSED_USE_REGISTRATION_REQUIRED", before.outcome(), before.journal().toString());

        Report.TransactionReport filed = play(step("domicile-aoba", DocumentType.FAMILY_REGISTER, null, null, null, null,
                true));
        assertEquals("USE_REGISTRATION_FILED", filed.outcome(), filed.journal().toString());
        assertEquals(0, filed.feeYen(), "filing is free");
        assertNull(filed.outputFile(), "nothing printed");
        assertTrue(filed.journal().contains("USE_REGISTRATION_FILED 999002 PENDING"), filed.journal().toString());

        Report.TransactionReport pending = play(step("domicile-aoba", DocumentType.FAMILY_REGISTER));
        assertEquals("REFUSED_USE_REGISTRATION_PENDING", pending.outcome(), pending.journal().toString());
        assertEquals(0, pending.paidYen());

        clock.set(WEDNESDAY_MORNING.plus(Duration.ofDays(3)));  // Saturday: the register office is closed
        assertEquals("CANCELLED", play(step("domicile-aoba", DocumentType.FAMILY_REGISTER)).outcome(),
                "family-register documents are issued on weekdays: not on Saturday's menu");
        clock.set(WEDNESDAY_MORNING.plus(Duration.ofDays(5)));  // Monday: approved meanwhile
        try {
            Report.TransactionReport issued = play(step("domicile-aoba", DocumentType.FAMILY_REGISTER));
            assertEquals("ISSUED", issued.outcome(), issued.journal().toString());
            assertEquals(450, issued.feeYen(), "青葉町's fee");
            String text = pdftotext(issued.outputFile());
            assertTrue(text.contains("戸籍全部事項証明書") && text.contains("木村拓也"), text);
            assertTrue(text.contains("若葉県青葉町長"), "issued and certified by the domicile's mayor: " + text);
            assertTrue(text.contains("【分籍日】"), text);

            Report.TransactionReport annex = play(step("domicile-aoba", DocumentType.FAMILY_REGISTER_ANNEX));
            assertEquals("ISSUED", annex.outcome(), annex.journal().toString());
            assertEquals(350, annex.feeYen());
        } finally {
            clock.set(WEDNESDAY_MORNING);
        }
    }

    @Test
    void aDomicileInAMunicipalityThatTakesNoPartIsSentThere() {
        Report.TransactionReport result = play(step("domicile-outside", DocumentType.FAMILY_REGISTER, null, null, null,
                null, true));
        assertEquals("REFUSED_DOMICILE_NOT_PARTICIPATING", result.outcome(), result.journal().toString());
        assertEquals(0, result.paidYen());
        assertEquals("CANCELLED", play(step("foreign", DocumentType.FAMILY_REGISTER)).outcome(),
                "a foreign resident has no family register: not on the menu");
    }

    @Test
    void aScenarioFileCarriesTheChoices() throws Exception {
        Scenario scenario = ApiJson.newMapper().readValue("""
                { "transactions": [
                  { "card": "adult", "pins": ["1234"], "document": "FAMILY_REGISTER", "register": "INDIVIDUAL",
                    "person": "山田 一郎" },
                  { "card": "adult", "pins": ["1234"], "document": "TAX_CERTIFICATE", "fiscalYear": 2024,
                    "taxKind": "TAXATION" },
                  { "card": "adult", "pins": ["1234"], "document": "RESIDENT_RECORD_COPY" } ] }""", Scenario.class);
        assertEquals(RegisterExtent.INDIVIDUAL, scenario.transactions().get(0).register());
        assertEquals("山田 一郎", scenario.transactions().get(0).person());
        assertEquals(2024, scenario.transactions().get(1).fiscalYear());
        assertEquals(TaxCertificateKind.TAXATION, scenario.transactions().get(1).taxKind());
        assertNull(scenario.transactions().get(2).register());

        Report report = runner.run(new Scenario(scenario.transactions().subList(1, 2)));
        assertEquals("ISSUED", report.transactions().get(0).outcome());
        String text = pdftotext(report.transactions().get(0).outputFile());
        assertTrue(text.contains("令和6年度") && text.contains("課税証明書") && !text.contains("給与収入"), text);
    }
}
