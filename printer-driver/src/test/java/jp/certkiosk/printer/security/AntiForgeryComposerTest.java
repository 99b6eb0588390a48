package jp.certkiosk.printer.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AntiForgeryComposerTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final PrintMarks MARKS = new PrintMarks("ISS-TEST-1", "kiosk-0042", KEY);
    static AntiForgeryComposer composer;
    static byte[] municipal;
    static byte[] composed;

    @BeforeAll
    static void compose() throws Exception {
        composer = new AntiForgeryComposer(AntiForgeryComposer.IPAEX_MINCHO);
        municipal = SamplePdfs.certificate(2, "山田 太郎");
        composed = composer.compose(municipal, MARKS);
    }

    @Test
    void composingIsQuickEnoughForABusyStore() throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            composer.compose(municipal, MARKS);
        }
        long perDocumentMs = (System.nanoTime() - start) / 5 / 1_000_000;
        System.out.println("compose: " + perDocumentMs + " ms per two-page document");
        assertTrue(perDocumentMs < 2000, perDocumentMs + " ms");
    }

    @Test
    void eachPageBecomesAFrontAndABackOnA4CarryingTheIssuanceAndKiosk() throws Exception {
        try (PDDocument document = Loader.loadPDF(composed)) {
            assertEquals(4, document.getNumberOfPages());
            for (int i = 0; i < 4; i++) {
                PDRectangle box = document.getPage(i).getMediaBox();
                assertEquals(PDRectangle.A4.getWidth(), box.getWidth(), 0.5);
                assertEquals(PDRectangle.A4.getHeight(), box.getHeight(), 0.5);
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                String text = stripper.getText(document);
                assertTrue(text.contains("ISS-TEST-1") && text.contains("kiosk-0042"), text);
                if (i % 2 == 0) {
                    assertTrue(text.contains("山田 太郎"), "the front keeps the municipality's page: " + text);
                } else {
                    assertFalse(text.contains("山田"), "the back holds only the scrambled image: " + text);
                }
            }
        }
        assertEquals(java.util.List.of(), MunicipalPdfCheck.problems(composed).stream()
                .filter(p -> !p.contains("pages")).toList(), "what the kiosk prints passes its own checks");
    }

    /**
     * At print resolution the word region and the background have the same tone; after a copier's
     * downsample and threshold the fine dots are gone and the word stands out.
     */
    @Test
    void theLatentWordShowsOnlyOnAPhotocopy() throws Exception {
        boolean[][] mask = new TintBlock(AntiForgeryComposer.IPAEX_MINCHO).latentMask();
        BufferedImage original;
        byte[] blank = composer.compose(SamplePdfs.blank(), MARKS);
        try (PDDocument document = Loader.loadPDF(blank)) {
            original = new PDFRenderer(document).renderImageWithDPI(0, TintBlock.DPI, ImageType.GRAY);
        }
        // original rendering: mean darkness inside the letters equals that outside
        double[] tone = darknessInsideOutside(original, mask, 1, 0);
        assertTrue(Math.abs(tone[0] - tone[1]) < 0.01,
                "at print resolution the word must not show: inside " + tone[0] + ", outside " + tone[1]);
        // and thresholding at full resolution shows nothing either: every dot survives everywhere
        double[] thresholded = darknessInsideOutside(original, mask, 1, 0.25);
        assertTrue(Math.abs(thresholded[0] - thresholded[1]) < 0.03,
                "inside " + thresholded[0] + ", outside " + thresholded[1]);

        // photocopy: average 4 x 4 pixels (75 dpi), then threshold
        double[] copy = darknessInsideOutside(original, mask, 4, 0.25);
        // the coarse dots survive as dark specks (one in every 4.5 x 4.5 copy pixels: about 5 %)
        assertTrue(copy[0] > 0.03, "on the copy the word's dots survive: " + copy[0]);
        assertTrue(copy[1] < copy[0] / 10, "on the copy the background is white: " + copy[1] + " vs " + copy[0]);
    }

    @Test
    void theBackDescramblesToTheFrontOnlyWithTheIssuancesKey() throws Exception {
        BufferedImage back = renderBack(composed, 1, 150);
        ScanVerifier.Result genuine = ScanVerifier.verify(municipal, KEY, "ISS-TEST-1", back);
        assertTrue(genuine.genuine(), "match " + genuine.matchingShare() + ", mismatched " + genuine.mismatchedBlocks());
        assertEquals(0, genuine.page());

        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        ScanVerifier.Result wrongKey = ScanVerifier.verify(municipal, otherKey, "ISS-TEST-1", back);
        assertFalse(wrongKey.genuine(), "match " + wrongKey.matchingShare());
        assertFalse(ScanVerifier.verify(municipal, KEY, "ISS-TEST-2", back).genuine());

        BufferedImage secondBack = renderBack(composed, 3, 150);
        ScanVerifier.Result second = ScanVerifier.verify(municipal, KEY, "ISS-TEST-1", secondBack);
        assertTrue(second.genuine());
        assertEquals(1, second.page());
    }

    @Test
    void anAlteredBackIsRejected() throws Exception {
        BufferedImage back = renderBack(composed, 1, 150);
        Graphics2D g = back.createGraphics();
        g.setColor(Color.BLACK);
        // a small patch in the scrambled area, about 1.5 cm square
        g.fillRect(back.getWidth() / 2, back.getHeight() / 2, 90, 90);
        g.dispose();
        ScanVerifier.Result tampered = ScanVerifier.verify(municipal, KEY, "ISS-TEST-1", back);
        assertFalse(tampered.genuine(), "match " + tampered.matchingShare());
        assertTrue(tampered.largestPatch() >= ScanVerifier.ALTERED_CLUSTER, "patch " + tampered.largestPatch());
    }

    static BufferedImage renderBack(byte[] pdf, int pageIndex, int dpi) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(pageIndex, dpi, ImageType.RGB);
        }
    }

    /**
     * Mean darkness inside and outside the latent letters, below the marks line, after averaging
     * factor x factor pixels; with a threshold above 0, the share of pixels darker than it.
     */
    static double[] darknessInsideOutside(BufferedImage image, boolean[][] mask, int factor, double threshold) {
        BufferedImage reduced = factor == 1 ? image : AntiForgeryComposer.boxDown(image, factor);
        double sx = (double) TintBlock.WIDTH / reduced.getWidth();
        double sy = (double) TintBlock.HEIGHT / reduced.getHeight();
        double[] sum = new double[2];
        long[] count = new long[2];
        int marksLine = (int) (TintBlock.HEIGHT * 30 / 842.0);
        for (int y = 0; y < reduced.getHeight(); y++) {
            for (int x = 0; x < reduced.getWidth(); x++) {
                int mx = (int) (x * sx + sx / 2);
                int my = (int) (y * sy + sy / 2);
                if (mx >= TintBlock.WIDTH || my >= TintBlock.HEIGHT || my < marksLine) {
                    continue;
                }
                double dark = 1 - reduced.getRaster().getSample(x, y, 0) / 255.0;
                int side = mask[my][mx] ? 0 : 1;
                sum[side] += threshold > 0 ? (dark > threshold ? 1 : 0) : dark;
                count[side]++;
            }
        }
        return new double[] {sum[0] / Math.max(1, count[0]), sum[1] / Math.max(1, count[1])};
    }
}
