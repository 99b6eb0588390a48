package jp.certkiosk.printer.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import jp.certkiosk.printer.PdfParsing;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The print path's check and composition share one parse of the municipality's PDF. */
class CheckAndComposeTest {
    static final PrintMarks MARKS = new PrintMarks("ISS-ONE-PARSE", "kiosk-0042",
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    static AntiForgeryComposer composer;

    @BeforeAll
    static void composer() {
        composer = new AntiForgeryComposer(AntiForgeryComposer.IPAEX_MINCHO);
    }

    @Test
    void aGoodDocumentIsParsedOnceCheckedAndComposed() throws Exception {
        byte[] municipal = SamplePdfs.certificate(2, "山田 太郎");
        long before = PdfParsing.parsesSoFar();

        AntiForgeryComposer.Composition composed = composer.checkAndCompose(municipal, MARKS);

        assertEquals(1, PdfParsing.parsesSoFar() - before, "one parse of the municipality's PDF");
        byte[] sheets = assertInstanceOf(AntiForgeryComposer.Composition.Sheets.class, composed).pdf();
        try (PDDocument document = Loader.loadPDF(sheets)) {
            assertEquals(4, document.getNumberOfPages(), "a front and a back for each of two pages");
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("山田 太郎") && text.contains("ISS-ONE-PARSE"), text);
        }
    }

    @Test
    void aDocumentThatFailsTheCheckIsNotComposed() throws Exception {
        AntiForgeryComposer.Composition composed = composer.checkAndCompose(SamplePdfs.withJavaScript(), MARKS);

        AntiForgeryComposer.Composition.Refused refused =
                assertInstanceOf(AntiForgeryComposer.Composition.Refused.class, composed);
        assertTrue(refused.problems().stream().anyMatch(p -> p.contains("JavaScript")), refused.problems().toString());
        assertEquals(MunicipalPdfCheck.problems(SamplePdfs.withJavaScript()), refused.problems(),
                "the same problems as the check on its own");
    }

    @Test
    void somethingThatIsNotAPdfIsRefusedNotThrown() throws Exception {
        AntiForgeryComposer.Composition composed = composer.checkAndCompose("<html>".getBytes(), MARKS);

        assertEquals(new AntiForgeryComposer.Composition.Refused(java.util.List.of("the document is not a readable PDF")),
                composed);
    }
}
