package jp.certkiosk.printer.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MunicipalPdfCheckTest {
    @Test
    void aCertificateInEmbeddedFontsOnA4Passes() throws Exception {
        assertEquals(List.of(), MunicipalPdfCheck.problems(SamplePdfs.certificate(2, "山田 太郎")));
    }

    @Test
    void refusesWhatCouldPrintWrongOrAct() throws Exception {
        assertHas(MunicipalPdfCheck.problems(SamplePdfs.withUnembeddedFont()), "not embedded");
        assertHas(MunicipalPdfCheck.problems(SamplePdfs.letterSize()), "not A4");
        assertHas(MunicipalPdfCheck.problems(SamplePdfs.withJavaScript()), "JavaScript");
        assertHas(MunicipalPdfCheck.problems(SamplePdfs.withJavaScript()), "automatic action");
        assertHas(MunicipalPdfCheck.problems(SamplePdfs.withAttachment()), "attachment");
        assertHas(MunicipalPdfCheck.problems(SamplePdfs.pages(MunicipalPdfCheck.MAX_PAGES + 1)), "pages");
        assertHas(MunicipalPdfCheck.problems("<html>".getBytes()), "not a readable PDF");
    }

    private static void assertHas(List<String> problems, String words) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(words)), () -> "expected '" + words + "' in " + problems);
    }
}
