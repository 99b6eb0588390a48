package jp.certkiosk.printer.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backs as scanners and phones deliver them, made with ImageMagick's {@code convert} from the
 * back the composer printed: rotated, scaled, shifted, blurred, noised, JPEG-compressed and
 * photographed in perspective. Genuine backs pass; an altered back, the back of another issuance
 * and a back made from a front with another name (with the issuance's own key) fail. Prints the
 * table of distortion, verdict and share of matching blocks.
 */
class ScanDistortionTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final String ISSUANCE = "ISS-SCAN-1";
    static final int DPI = 200;

    @TempDir static Path dir;
    static byte[] municipal;
    static Path back;
    static final List<String> TABLE = new ArrayList<>();

    @BeforeAll
    static void printTheBack() throws Exception {
        municipal = SamplePdfs.certificate(1, "山田 太郎");
        byte[] composed = new AntiForgeryComposer(AntiForgeryComposer.IPAEX_MINCHO)
                .compose(municipal, new PrintMarks(ISSUANCE, "kiosk-0042", KEY));
        back = dir.resolve("back.png");
        ImageIO.write(render(composed, 1, DPI), "png", back.toFile());
    }

    @AfterAll
    static void table() {
        System.out.println("| distortion | verdict | blocks matching | blocks differing | largest patch (back) | largest change (front) |");
        System.out.println("|---|---|---|---|---|---|");
        TABLE.forEach(System.out::println);
    }

    static BufferedImage render(byte[] pdf, int page, int dpi) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(page, dpi, ImageType.RGB);
        }
    }

    /** Runs {@code convert source <operations> target} and reads the target. */
    static BufferedImage convert(Path source, String target, String... operations) throws Exception {
        List<String> command = new ArrayList<>(List.of("convert", source.toString()));
        command.addAll(List.of(operations));
        Path out = dir.resolve(target);
        command.add(out.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "convert finished");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
        return ImageIO.read(out.toFile());
    }

    static ScanVerifier.Result verify(String distortion, BufferedImage scan) throws IOException {
        ScanVerifier.Result result = ScanVerifier.verify(municipal, KEY, ISSUANCE, scan);
        TABLE.add(String.format("| %s | %s | %.1f %% | %d | %d | %d |", distortion, result.genuine() ? "GENUINE" : "NOT GENUINE",
                result.matchingShare() * 100, result.mismatchedBlocks(), result.largestPatch(), result.largestChange()));
        return result;
    }

    static void genuine(String distortion, BufferedImage scan) throws IOException {
        ScanVerifier.Result result = verify(distortion, scan);
        assertTrue(result.genuine(), distortion + ": " + result.matchingShare() + ", patch " + result.largestPatch());
    }

    /** Perspective corners of a phone photo: each page corner moved inwards, the top more than the bottom. */
    static String keystone(BufferedImage image, double top, double bottom, double skew) {
        int w = image.getWidth();
        int h = image.getHeight();
        return String.format("0,0 %d,%d  %d,0 %d,%d  0,%d %d,%d  %d,%d %d,%d",
                (int) (w * top), (int) (h * skew), w, (int) (w * (1 - top * 0.8)), (int) (h * skew * 0.3),
                h, (int) (w * bottom), (int) (h * (1 - skew * 0.5)), w, h, (int) (w * (1 - bottom)), h);
    }

    @Test
    void genuineBacksPassHoweverTheyWereScanned() throws Exception {
        BufferedImage upright = ImageIO.read(back.toFile());
        int w = upright.getWidth();
        int h = upright.getHeight();
        String size = w + "x" + h;
        genuine("none (200 dpi render)", upright);
        genuine("rotated +0.3°", convert(back, "r03.png", "-background", "white", "-rotate", "0.3"));
        BufferedImage rotated = convert(back, "r1.png", "-background", "white", "-rotate", "1");
        genuine("rotated +1°", rotated);
        ScanVerifier.Result before = ScanVerifier.verifyUpright(municipal, KEY, ISSUANCE, rotated);
        TABLE.add(String.format("| rotated +1°, read as upright without the marks (before) | %s | %.1f %% | %d | %d | %d |",
                before.genuine() ? "GENUINE" : "NOT GENUINE", before.matchingShare() * 100, before.mismatchedBlocks(),
                before.largestPatch(), before.largestChange()));
        assertFalse(before.genuine(), "without the marks a 1° skew is not read: the marks make the difference");
        genuine("rotated -3°", convert(back, "rm3.png", "-background", "white", "-rotate", "-3"));
        genuine("rotated +3°", convert(back, "r3.png", "-background", "white", "-rotate", "3"));
        genuine("scaled 97 % on the same sheet", convert(back, "s97.png", "-resize", "97%", "-gravity", "center",
                "-background", "white", "-extent", size));
        genuine("scaled 103 % on the same sheet", convert(back, "s103.png", "-resize", "103%", "-gravity", "center",
                "-extent", size));
        genuine("shifted 5 mm right, 3 mm down", convert(back, "shift.png", "-background", "white", "-gravity",
                "northwest", "-splice", "40x24", "-gravity", "southeast", "-chop", "40x24"));
        genuine("blurred (Gaussian 1.5 px)", convert(back, "blur.png", "-blur", "0x1.5"));
        genuine("noised (Gaussian)", convert(back, "noise.png", "-attenuate", "0.5", "+noise", "Gaussian"));
        genuine("JPEG quality 70", convert(back, "q70.jpg", "-quality", "70"));
        genuine("rotated -2°, scaled 102 %, blurred, JPEG 60", convert(back, "combo.jpg", "-background", "white",
                "-rotate", "-2", "+repage", "-resize", "102%", "-gravity", "center", "-extent", size, "-blur", "0x1",
                "-quality", "60"));
        genuine("rotated -2° and shifted until a mark is cut by the edge, JPEG 60", convert(back, "cut.jpg",
                "-background", "white", "-rotate", "-2", "-resize", "102%", "-gravity", "center", "-extent", size,
                "-quality", "60"));
        genuine("phone photo: perspective, blur, noise, JPEG 80", convert(back, "phone.jpg", "-virtual-pixel", "white",
                "-distort", "Perspective", keystone(upright, 0.03, 0.015, 0.02), "-blur", "0x1", "-attenuate", "0.3",
                "+noise", "Gaussian", "-quality", "80"));
        genuine("300 dpi scan, rotated +1.5°", convert(back, "dpi300.png", "-resize", "150%", "-background", "white",
                "-rotate", "1.5"));
    }

    @Test
    void forgedBacksFail() throws Exception {
        BufferedImage patched = convert(back, "patched-src.png", "-background", "white", "-rotate", "1");
        Graphics2D g = patched.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(patched.getWidth() / 3, patched.getHeight() / 3, 120, 60);  // about 15 x 8 mm painted over
        g.dispose();
        ScanVerifier.Result altered = verify("altered: a patch painted over the back, rotated +1°", patched);
        assertFalse(altered.genuine(), "match " + altered.matchingShare());

        byte[] other = new AntiForgeryComposer(AntiForgeryComposer.IPAEX_MINCHO).compose(municipal,
                new PrintMarks("ISS-SCAN-2", "kiosk-0042", "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII)));
        ScanVerifier.Result another = verify("another issuance's back", render(other, 1, DPI));
        assertFalse(another.genuine(), "match " + another.matchingShare());

        // a forger holding this issuance's key prints a back for a front naming someone else
        byte[] renamed = new AntiForgeryComposer(AntiForgeryComposer.IPAEX_MINCHO).compose(
                SamplePdfs.certificate(1, "山田 花子"), new PrintMarks(ISSUANCE, "kiosk-0042", KEY));
        ScanVerifier.Result name = verify("patched name (a back scrambled from a front naming 山田 花子)",
                render(renamed, 1, DPI));
        assertFalse(name.genuine(), "match " + name.matchingShare() + ", change " + name.largestChange());
        assertTrue(name.largestChange() >= ScanVerifier.CHANGED_CONTENT, "the name is the change found");
    }
}
