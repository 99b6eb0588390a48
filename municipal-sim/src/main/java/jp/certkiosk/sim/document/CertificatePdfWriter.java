package jp.certkiosk.sim.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Draws a laid-out certificate into a PDF with IPAex Mincho embedded as a subset. Every code
 * point of every text is looked up in the font's Unicode cmap before the first element is drawn;
 * a single missing glyph refuses the whole document.
 *
 * <p>The font file is parsed once and shared by every document; documents are written one at a
 * time because a parsed TrueType font is not safe for concurrent use.
 */
public final class CertificatePdfWriter implements AutoCloseable {
    /** Debian's fonts-ipaexfont-mincho: TrueType outlines, so PDFBox can subset and embed it. */
    public static final Path IPAEX_MINCHO = Path.of("/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf");

    private final TrueTypeFont trueType;
    private final CmapLookup cmap;

    public CertificatePdfWriter(Path fontFile) {
        try {
            this.trueType = new TTFParser().parse(new RandomAccessReadBuffer(Files.readAllBytes(fontFile)));
            this.cmap = trueType.getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the certificate font " + fontFile, e);
        }
    }

    synchronized byte[] write(CertificateLayout layout) throws UnprintableTextException {
        requireGlyphs(cmap, layout.texts());
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, trueType, true);

            PDDocumentInformation information = document.getDocumentInformation();
            information.setTitle(layout.title());
            information.setProducer("certkiosk municipal simulator");
            for (List<PageElement> elements : layout.pages()) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (PageElement element : elements) {
                        draw(content, font, element);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the certificate PDF", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            trueType.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the certificate font", e);
        }
    }

    /**
     * Refuses text with a code point the font has no glyph for, a variation selector (PDFBox
     * ignores them, so an 異体字 would silently print as its base character) or a control
     * character.
     */
    static void requireGlyphs(CmapLookup cmap, List<String> texts) throws UnprintableTextException {
        for (String text : texts) {
            for (int codePoint : text.codePoints().toArray()) {
                if (isVariationSelector(codePoint)) {
                    throw new UnprintableTextException("the record holds a variation selector");
                }
                if (Character.isISOControl(codePoint) || cmap.getGlyphId(codePoint) == 0) {
                    throw new UnprintableTextException("the font has no glyph for a character of the record");
                }
            }
        }
    }

    private static boolean isVariationSelector(int codePoint) {
        return (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0xE0100 && codePoint <= 0xE01EF)
                || (codePoint >= 0x180B && codePoint <= 0x180D);
    }

    private static void draw(PDPageContentStream content, PDType0Font font, PageElement element) throws IOException {
        if (element instanceof PageElement.Text text) {
            float width = font.getStringWidth(text.text()) / 1000f * text.size();
            float x = switch (text.anchor()) {
                case LEFT -> text.x();
                case CENTER -> text.x() - width / 2f;
                case RIGHT -> text.x() - width;
            };
            ink(content, text.ink());
            content.beginText();
            content.setFont(font, text.size());
            content.newLineAtOffset(x, text.y());
            content.showText(text.text());
            content.endText();
        } else if (element instanceof PageElement.Rule rule) {
            ink(content, PageElement.Ink.BLACK);
            content.setLineWidth(rule.width());
            content.moveTo(rule.x1(), rule.y1());
            content.lineTo(rule.x2(), rule.y2());
            content.stroke();
        } else if (element instanceof PageElement.Frame frame) {
            ink(content, frame.ink());
            content.setLineWidth(frame.lineWidth());
            content.addRect(frame.x(), frame.y(), frame.width(), frame.height());
            content.stroke();
        }
    }

    private static void ink(PDPageContentStream content, PageElement.Ink ink) throws IOException {
        switch (ink) {
            case BLACK -> {
                content.setNonStrokingColor(0f, 0f, 0f);
                content.setStrokingColor(0f, 0f, 0f);
            }
            case SEAL_RED -> {
                content.setNonStrokingColor(0.8f, 0.1f, 0.1f);
                content.setStrokingColor(0.8f, 0.1f, 0.1f);
            }
        }
    }
}
