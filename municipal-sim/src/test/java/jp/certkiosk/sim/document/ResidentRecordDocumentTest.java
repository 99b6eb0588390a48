package jp.certkiosk.sim.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.certkiosk.sim.registry.Household;
import jp.certkiosk.sim.registry.Municipality;
import jp.certkiosk.sim.registry.PersonName;
import jp.certkiosk.sim.registry.Resident;
import jp.certkiosk.sim.registry.ResidentStatus;
import jp.certkiosk.sim.registry.SeedData;
import jp.certkiosk.sim.registry.Sex;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResidentRecordDocumentTest {
    private static final Municipality SAKURAGAWA = SeedData.MUNICIPALITIES.get(0);
    private static final Household YAMADA = SeedData.HOUSEHOLDS.get(0);
    private static final Household NGUYEN = SeedData.HOUSEHOLDS.get(1);
    private static final LocalDate ISSUED_ON = LocalDate.of(2025, 11, 28);

    private static CertificatePdfWriter writer;
    private static ResidentRecordDocument document;

    @BeforeAll
    static void loadFont() {
        writer = CertificatePdfWriter.standard();
        document = new ResidentRecordDocument(writer);
    }

    @AfterAll
    static void closeFont() {
        writer.close();
    }

    @Test
    void wholeHouseholdCopy() throws Exception {
        byte[] pdf = document.render(SAKURAGAWA, YAMADA, YAMADA.members(), "ISSUANCE-1", ISSUED_ON);
        try (PDDocument parsed = Loader.loadPDF(pdf)) {
            assertEquals(1, parsed.getNumberOfPages());
            PDRectangle size = parsed.getPage(0).getMediaBox();
            assertEquals(PDRectangle.A4.getWidth(), size.getWidth(), 0.5);
            assertEquals(PDRectangle.A4.getHeight(), size.getHeight(), 0.5);
            assertEquals("住民票の写し", parsed.getDocumentInformation().getTitle());
            PDFont font = parsed.getPage(0).getResources().getFont(
                    parsed.getPage(0).getResources().getFontNames().iterator().next());
            assertTrue(font.isEmbedded());
            assertTrue(font.getName().contains("+"), "a subset: " + font.getName());

            String text = new PDFTextStripper().getText(parsed);
            for (String expected : List.of("住民票の写し", "若葉県桜川市", "若葉県桜川市本町一丁目2番3号",
                    "世帯主", "山田 太郎", "やまだ たろう", "山田 花子", "山田 一郎",
                    "昭和55年4月15日", "平成元年1月8日", "平成27年3月20日", "男", "女", "妻", "子",
                    "住民となった年月日", ResidentRecordDocument.CERTIFICATION, "令和7年11月28日",
                    "若葉県桜川市長　森田 健司", "ISSUANCE-1", "以下余白")) {
                assertTrue(text.contains(expected), () -> "missing " + expected + " in\n" + text);
            }
        }
    }

    @Test
    void foreignResident() throws Exception {
        String text = text(document.render(SAKURAGAWA, NGUYEN, NGUYEN.members(), "ISSUANCE-2", ISSUED_ON));
        for (String expected : List.of("NGUYEN VAN AN", "グエン ヴァン アン", "国籍・地域", "ベトナム",
                "在留資格", "技術・人文知識・国際業務", "令和9年3月31日", "平成7年9月2日")) {
            assertTrue(text.contains(expected), () -> "missing " + expected + " in\n" + text);
        }
    }

    @Test
    void aLargeHouseholdContinuesOnMorePages() throws Exception {
        List<Resident> members = new ArrayList<>(YAMADA.members());
        for (int i = 0; i < 8; i++) {
            members.add(person("R-9" + i, "山田 次郎", "子"));
        }
        Household large = new Household("H-9", SeedData.SAKURAGAWA, YAMADA.address(), members);
        try (PDDocument parsed = Loader.loadPDF(document.render(SAKURAGAWA, large, members, "ISSUANCE-3", ISSUED_ON))) {
            assertTrue(parsed.getNumberOfPages() > 1);
            String text = new PDFTextStripper().getText(parsed);
            assertTrue(text.contains("住民票の写し（続き）"), text);
            assertEquals(1, text.split(ResidentRecordDocument.CERTIFICATION, -1).length - 1,
                    "the certification appears once, at the end");
        }
    }

    @Test
    void previousAddressOptionsSealAndItemsCertificate() throws Exception {
        RecordDetails details = new RecordDetails(SeedData.PREVIOUS_ADDRESSES, SeedData.SEAL_IMPRESSIONS,
                RecordOptions.defaults());
        String copy = text(document.render(SAKURAGAWA, YAMADA, YAMADA.members(), details, "ISSUANCE-9", ISSUED_ON));
        for (String expected : List.of("前住所", "若葉県青葉町栄一丁目3番地2", "東若葉県緑山市中央二丁目5番8号",
                "記載事項　世帯全員・世帯主と続柄あり・本籍と筆頭者省略・個人番号省略・住民票コード省略", "1 / 1")) {
            assertTrue(copy.contains(expected), () -> "missing " + expected + " in\n" + copy);
        }
        String items = text(new ResidentRecordItemsDocument(writer).render(SAKURAGAWA, YAMADA, YAMADA.members().get(1),
                details, "ISSUANCE-10", ISSUED_ON));
        for (String expected : List.of("住民票記載事項証明書", "山田 花子", "平成元年1月8日", "若葉県桜川市本町一丁目2番3号",
                "東若葉県緑山市中央二丁目5番8号", ResidentRecordItemsDocument.CERTIFICATION, "以下余白", "ISSUANCE-10")) {
            assertTrue(items.contains(expected), () -> "missing " + expected + " in\n" + items);
        }
        assertTrue(!items.contains("山田 太郎"), "only the one person");
        String seal = text(new SealRegistrationDocument(writer).render(SAKURAGAWA, YAMADA, YAMADA.members().get(1),
                details, "ISSUANCE-11", ISSUED_ON));
        assertTrue(seal.contains("花") && seal.contains("桜川市長之印".substring(0, 1)), seal);
    }

    @Test
    void aRareNameCharacterIsDrawnInIpamjMincho() throws Exception {
        Household yoshida = SeedData.HOUSEHOLDS.stream().filter(h -> h.householdId().equals("H-0020")).findFirst()
                .orElseThrow();
        byte[] pdf = document.render(SAKURAGAWA, yoshida, yoshida.members(), "ISSUANCE-7", ISSUED_ON);
        try (PDDocument parsed = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(parsed);
            assertTrue(text.contains("\uD842\uDFB7田 誠"), text);
            List<String> fonts = new ArrayList<>();
            for (var name : parsed.getPage(0).getResources().getFontNames()) {
                PDFont font = parsed.getPage(0).getResources().getFont(name);
                assertTrue(font.isEmbedded(), font.getName());
                fonts.add(font.getName());
            }
            assertTrue(fonts.stream().anyMatch(f -> f.contains("IPAmj")), fonts.toString());
            assertTrue(fonts.stream().anyMatch(f -> f.contains("IPAex")), fonts.toString());
        }
    }

    @Test
    void aCharacterNoFontHasRefusesTheRecordOfTheSeed() {
        Household watanabe = SeedData.HOUSEHOLDS.stream().filter(h -> h.householdId().equals("H-0021")).findFirst()
                .orElseThrow();
        UnprintableTextException refused = assertThrows(UnprintableTextException.class,
                () -> document.render(SAKURAGAWA, watanabe, watanabe.members(), "ISSUANCE-8", ISSUED_ON));
        assertTrue(!refused.getMessage().contains("\uE000"), "the message never names the character");
    }

    @Test
    void aCharacterWithoutGlyphRefusesTheWholeDocument() {
        Resident emoji = person("R-X", "山田 \uD83D\uDE00", "子");
        assertThrows(UnprintableTextException.class, () -> document.render(SAKURAGAWA,
                new Household("H-X", SeedData.SAKURAGAWA, YAMADA.address(), List.of(emoji)), List.of(emoji),
                "ISSUANCE-4", ISSUED_ON));
    }

    @Test
    void aVariationSelectorIsRefusedRatherThanIgnored() {
        // 葛 followed by an ideographic variation selector: PDFBox would print the base glyph
        Resident variant = person("R-Y", "葛\uDB40\uDD00西 花", "子");
        assertThrows(UnprintableTextException.class, () -> document.render(SAKURAGAWA,
                new Household("H-Y", SeedData.SAKURAGAWA, YAMADA.address(), List.of(variant)), List.of(variant),
                "ISSUANCE-5", ISSUED_ON));
    }

    @Test
    void sealRegistrationCertificate() throws Exception {
        SealRegistrationDocument seal = new SealRegistrationDocument(writer);
        String text = text(seal.render(SAKURAGAWA, YAMADA, YAMADA.members().get(0), "ISSUANCE-6", ISSUED_ON));
        for (String expected : List.of("印鑑登録証明書", "山田 太郎", "昭和55年4月15日", "若葉県桜川市本町一丁目2番3号",
                SealRegistrationDocument.CERTIFICATION, "ISSUANCE-6")) {
            assertTrue(text.contains(expected), () -> "missing " + expected + " in\n" + text);
        }
        assertTrue(!text.contains("山田 花子"));
    }

    private static Resident person(String id, String name, String relationship) {
        return new Resident(id, "H-9", PersonName.of(name, null), LocalDate.of(2010, 1, 1), Sex.MALE, relationship,
                LocalDate.of(2010, 1, 1), Optional.empty(), ResidentStatus.REGISTERED, false, false);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument parsed = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(parsed);
        }
    }
}
