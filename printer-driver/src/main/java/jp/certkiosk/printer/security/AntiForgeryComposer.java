package jp.certkiosk.printer.security;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import jp.certkiosk.printer.PdfParsing;
import org.apache.pdfbox.multipdf.LayerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Turns the municipality's PDF into the sheets the kiosk prints: for each page a front (the tint
 * block, the municipality's page unchanged on top, the issuance number and kiosk id) and a back
 * (the tint block, the front scrambled with the issuance's print key, the four registration marks a
 * verifier finds in a scan, the issuance number and kiosk id). Pages come
 * out front, back, front, back… for two-sided printing.
 */
public final class AntiForgeryComposer {
    /** Where the scrambled front lies on the back, in PDF points (a 672 x 952 image at 100 dpi). */
    public static final PDRectangle SCRAMBLE_AREA = new PDRectangle(55.72f, 100f, 483.84f, 685.44f);
    public static final Path IPAEX_MINCHO = Path.of("/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf");

    /** The tint block, Flate-encoded once per font and shared: it is the same on every side of every sheet. */
    private static final java.util.Map<Path, byte[]> ENCODED_TINTS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Path fontFile;
    /** Parsed once per composer (a parsed font is not safe for concurrent use; compose is synchronized). */
    private org.apache.fontbox.ttf.TrueTypeFont parsedFont;

    public AntiForgeryComposer(Path fontFile) {
        this.fontFile = fontFile;
    }

    public byte[] compose(byte[] municipalPdf, PrintMarks marks) throws IOException {
        try (PDDocument source = PdfParsing.load(municipalPdf)) {
            return compose(source, marks);
        }
    }

    /** What the print path gets from one parse of the municipality's PDF: the sheets, or why there are none. */
    public sealed interface Composition {
        record Sheets(byte[] pdf) implements Composition {}

        /** {@link MunicipalPdfCheck} found problems: nothing was composed. */
        record Refused(List<String> problems) implements Composition {}
    }

    /**
     * Checks the municipality's PDF ({@link MunicipalPdfCheck}) and composes its sheets from one
     * parse: the check and the composition read the same objects and fonts.
     */
    public Composition checkAndCompose(byte[] municipalPdf, PrintMarks marks) throws IOException {
        PDDocument source;
        try {
            source = PdfParsing.load(municipalPdf);
        } catch (IOException e) {
            return new Composition.Refused(List.of("the document is not a readable PDF"));
        }
        try (source) {
            List<String> problems = MunicipalPdfCheck.problems(source);
            if (!problems.isEmpty()) {
                return new Composition.Refused(problems);
            }
            return new Composition.Sheets(compose(source, marks));
        }
    }

    private synchronized byte[] compose(PDDocument source, PrintMarks marks) throws IOException {
        try (PDDocument target = new PDDocument()) {
            if (parsedFont == null) {
                parsedFont = new org.apache.fontbox.ttf.TTFParser().parse(
                        new org.apache.pdfbox.io.RandomAccessReadBuffer(java.nio.file.Files.readAllBytes(fontFile)));
            }
            PDType0Font font = PDType0Font.load(target, parsedFont, true);
            PDImageXObject tint = new PDImageXObject(target, new java.io.ByteArrayInputStream(encodedTint(fontFile)),
                    org.apache.pdfbox.cos.COSName.FLATE_DECODE, TintBlock.WIDTH, TintBlock.HEIGHT, 8,
                    org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray.INSTANCE);
            LayerUtility layers = new LayerUtility(target);
            int pages = source.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                PDPage front = new PDPage(PDRectangle.A4);
                target.addPage(front);
                PDFormXObject original = layers.importPageAsForm(source, i);
                try (PDPageContentStream content = new PDPageContentStream(target, front)) {
                    content.drawImage(tint, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                    content.saveGraphicsState();
                    content.drawForm(original);
                    content.restoreGraphicsState();
                    marks(content, font, marks, i, pages, "表");
                }

                BufferedImage scrambled = new Scrambler(marks.printKey(), marks.issuanceId(), i)
                        .scramble(frontImage(source, i));
                PDPage back = new PDPage(PDRectangle.A4);
                target.addPage(back);
                try (PDPageContentStream content = new PDPageContentStream(target, back)) {
                    content.drawImage(tint, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                    content.drawImage(greyImage(target, scrambled), SCRAMBLE_AREA.getLowerLeftX(),
                            SCRAMBLE_AREA.getLowerLeftY(), SCRAMBLE_AREA.getWidth(), SCRAMBLE_AREA.getHeight());
                    RegistrationMarks.draw(content);
                    content.beginText();
                    content.setFont(font, 8f);
                    content.setNonStrokingColor(0f, 0f, 0f);
                    content.newLineAtOffset(SCRAMBLE_AREA.getLowerLeftX(), 86f);
                    content.showText("裏面：表面の画像を発行ごとの鍵で並べ替えたもの。照合は ./kiosk verify-scan で行う。");
                    content.endText();
                    marks(content, font, marks, i, pages, "裏");
                }
            }
            target.getDocumentInformation().setTitle(source.getDocumentInformation().getTitle());
            target.getDocumentInformation().setProducer("certkiosk printer-driver");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            target.save(out);
            return out.toByteArray();
        }
    }

    /**
     * A grey image as a Flate-encoded image XObject, its bytes deflated straight from the raster.
     * (LosslessFactory reads the image pixel by pixel and tries PNG predictors: most of a page's
     * composition time, for an image of noise that no predictor shrinks.) The bytes are the ones
     * LosslessFactory wrote: each sample through the image's colour model to sRGB
     * ({@link #SRGB_OF_GREY}), so the printed back, and what verify-scan expects of it, stay the same.
     */
    static PDImageXObject greyImage(PDDocument document, BufferedImage image) throws IOException {
        BufferedImage grey = toGrey(image);
        int width = grey.getWidth();
        int height = grey.getHeight();
        byte[] pixels = new byte[width * height];
        grey.getRaster().getDataElements(0, 0, width, height, pixels);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = SRGB_OF_GREY[pixels[i] & 0xff];
        }
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(pixels.length / 2);
        try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(encoded, deflater, 65536)) {
            out.write(pixels);
        } finally {
            deflater.end();
        }
        return new PDImageXObject(document, new java.io.ByteArrayInputStream(encoded.toByteArray()),
                org.apache.pdfbox.cos.COSName.FLATE_DECODE, width, height, 8,
                org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray.INSTANCE);
    }

    /** What {@code getRGB} makes of each sample of a {@link BufferedImage#TYPE_BYTE_GRAY} image (its grey is linear). */
    private static final byte[] SRGB_OF_GREY = new byte[256];

    static {
        BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        for (int v = 0; v < 256; v++) {
            one.getRaster().setSample(0, 0, 0, v);
            SRGB_OF_GREY[v] = (byte) (one.getRGB(0, 0) & 0xff);
        }
    }

    private static byte[] encodedTint(Path fontFile) {
        return ENCODED_TINTS.computeIfAbsent(fontFile, file -> {
            try (PDDocument scratch = new PDDocument()) {
                PDImageXObject image = LosslessFactory.createFromImage(scratch, new TintBlock(file).image());
                try (java.io.InputStream raw = image.getCOSObject().createRawInputStream()) {
                    return raw.readAllBytes();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot encode the tint block", e);
            }
        });
    }

    private static void marks(PDPageContentStream content, PDType0Font font, PrintMarks marks, int page, int pages,
                              String side) throws IOException {
        content.beginText();
        content.setFont(font, 7f);
        content.setNonStrokingColor(0f, 0f, 0f);
        content.newLineAtOffset(50f, 826f);
        content.showText("発行番号 " + marks.issuanceId() + "　交付端末 " + marks.kioskId() + "　" + (page + 1) + "/"
                + pages + "枚目 " + side + "面");
        content.endText();
    }

    /** The front page as the scrambler sees it: grey, {@link Scrambler#WIDTH} x {@link Scrambler#HEIGHT}. */
    public static BufferedImage frontImage(PDDocument document, int pageIndex) throws IOException {
        PDRectangle box = document.getPage(pageIndex).getMediaBox();
        float scale = (float) Scrambler.WIDTH / box.getWidth();
        BufferedImage rendered = new PDFRenderer(document).renderImage(pageIndex, scale, ImageType.GRAY);
        return resample(rendered, 0, 0, rendered.getWidth(), rendered.getHeight());
    }

    /** The region (x, y, width, height in pixels) of {@code image} resampled to the scrambler's size. */
    static BufferedImage resample(BufferedImage image, double x, double y, double width, double height) {
        int factor = (int) Math.floor(width / Scrambler.WIDTH);
        if (factor >= 2) {
            image = boxDown(image, factor);
            x /= factor;
            y /= factor;
            width /= factor;
            height /= factor;
        }
        BufferedImage target = new BufferedImage(Scrambler.WIDTH, Scrambler.HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            java.awt.geom.AffineTransform transform = new java.awt.geom.AffineTransform();
            transform.scale(Scrambler.WIDTH / width, Scrambler.HEIGHT / height);
            transform.translate(-x, -y);
            g.drawImage(image, transform, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** Averages factor x factor squares: a grey image that many times smaller. */
    static BufferedImage boxDown(BufferedImage image, int factor) {
        BufferedImage grey = toGrey(image);
        int w = grey.getWidth() / factor;
        int h = grey.getHeight() / factor;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        int[] row = new int[grey.getWidth() * factor];
        for (int y = 0; y < h; y++) {
            grey.getRaster().getSamples(0, y * factor, w * factor, factor, 0, row);
            for (int x = 0; x < w; x++) {
                int sum = 0;
                for (int dy = 0; dy < factor; dy++) {
                    for (int dx = 0; dx < factor; dx++) {
                        sum += row[dy * w * factor + x * factor + dx];
                    }
                }
                out.getRaster().setSample(x, y, 0, sum / (factor * factor));
            }
        }
        return out;
    }

    static BufferedImage toGrey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return grey;
    }
}
