package jp.certkiosk.sim.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Draws a laid-out certificate into a PDF with IPAex Mincho embedded as a subset, and IPAmj
 * Mincho (the 文字情報基盤 font, some 60,000 kanji) for the rare characters of registered names
 * that IPAex does not have. Every code point of every text is looked up in the fonts' Unicode
 * cmaps before the first element is drawn; one that no font draws refuses the whole document,
 * as does a variation sequence (PDFBox ignores variation selectors, so an 異体字 would silently
 * print as its base character).
 *
 * <p>A parsed TrueType font is not safe for concurrent use (subsetting reads it through one file
 * position; glyph substitution caches lookups), so the writer keeps a small pool of parsed font
 * sets, one per processor, over font bytes read once: documents are written in parallel, each with
 * a font set of its own, and never wait for another document's drawing.
 */
public final class CertificatePdfWriter implements AutoCloseable {
    /** Debian's fonts-ipaexfont-mincho: TrueType outlines, so PDFBox can subset and embed it. */
    public static final Path IPAEX_MINCHO = Path.of("/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf");
    /** Debian's fonts-ipamj-mincho: the rare kanji of names. */
    public static final Path IPAMJ_MINCHO = Path.of("/usr/share/fonts/truetype/ipamj/ipamjm.ttf");

    /** The fonts parsed once, for one document at a time. */
    private record FontSet(List<TrueTypeFont> fonts, List<CmapLookup> cmaps) {}

    private final List<Path> fontFiles;
    private final List<byte[]> fontBytes = new ArrayList<>();
    private final int poolSize;
    private final java.util.concurrent.BlockingQueue<FontSet> idle;
    private final List<FontSet> created = new ArrayList<>();
    private boolean closed;

    /** @param fontFiles TrueType fonts in order of preference: the first that has a glyph draws it */
    public CertificatePdfWriter(Path... fontFiles) {
        this(Runtime.getRuntime().availableProcessors(), fontFiles);
    }

    /**
     * @param fontSets  how many documents may be drawn at once (1: one after the other)
     * @param fontFiles TrueType fonts in order of preference: the first that has a glyph draws it
     */
    public CertificatePdfWriter(int fontSets, Path... fontFiles) {
        if (fontFiles.length == 0) {
            throw new IllegalArgumentException("a certificate needs a font");
        }
        if (fontSets < 1) {
            throw new IllegalArgumentException("a writer needs at least one font set");
        }
        this.fontFiles = List.of(fontFiles);
        this.poolSize = fontSets;
        this.idle = new java.util.concurrent.ArrayBlockingQueue<>(poolSize);
        for (Path fontFile : fontFiles) {
            try {
                fontBytes.add(Files.readAllBytes(fontFile));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the certificate font " + fontFile, e);
            }
        }
        idle.add(parseFonts()); // a font that does not parse fails here, not at the first document
    }

    /** Parses every font over the bytes read once (the buffers share them, each with its own position). */
    private synchronized FontSet parseFonts() {
        List<TrueTypeFont> fonts = new ArrayList<>();
        List<CmapLookup> cmaps = new ArrayList<>();
        for (int i = 0; i < fontBytes.size(); i++) {
            try {
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(fontBytes.get(i)));
                fonts.add(font);
                cmaps.add(font.getUnicodeCmapLookup());
            } catch (IOException e) {
                close(new FontSet(fonts, cmaps));
                throw new UncheckedIOException("cannot read the certificate font " + fontFiles.get(i), e);
            }
        }
        FontSet set = new FontSet(fonts, cmaps);
        created.add(set);
        return set;
    }

    /** An idle font set, a new one while the pool is not full, else the next one given back. */
    private FontSet borrow() {
        FontSet set = idle.poll();
        if (set != null) {
            return set;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the certificate writer is closed");
            }
            if (created.size() < poolSize) {
                return parseFonts();
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a font set", e);
        }
    }

    /** IPAex Mincho, then IPAmj Mincho: what the simulated municipalities print with. */
    public static CertificatePdfWriter standard() {
        return new CertificatePdfWriter(IPAEX_MINCHO, IPAMJ_MINCHO);
    }

    byte[] write(CertificateLayout layout) throws UnprintableTextException {
        FontSet set = borrow();
        try {
            return write(layout, set.fonts(), set.cmaps());
        } finally {
            idle.add(set);
        }
    }

    private byte[] write(CertificateLayout layout, List<TrueTypeFont> fonts, List<CmapLookup> cmaps)
            throws UnprintableTextException {
        requireGlyphs(cmaps, layout.texts());
        try (PDDocument document = new PDDocument()) {
            EmbeddedFonts loaded = new EmbeddedFonts(document, fonts);

            PDDocumentInformation information = document.getDocumentInformation();
            information.setTitle(layout.title());
            information.setProducer("certkiosk municipal simulator");
            for (List<PageElement> elements : layout.pages()) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (PageElement element : elements) {
                        draw(content, loaded, cmaps, element);
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
        closed = true;
        for (FontSet set : created) {
            close(set);
        }
        created.clear();
    }

    private static void close(FontSet set) {
        for (TrueTypeFont font : set.fonts()) {
            try {
                font.close();
            } catch (IOException e) {
                // nothing left to do with a font that will not close
            }
        }
    }

    /**
     * Refuses text with a code point no font has a glyph for, a variation selector or a control
     * character. The message never names the character, so it can be logged.
     */
    static void requireGlyphs(List<CmapLookup> cmaps, List<String> texts) throws UnprintableTextException {
        for (String text : texts) {
            for (int codePoint : text.codePoints().toArray()) {
                if (isVariationSelector(codePoint)) {
                    throw new UnprintableTextException("the record holds a variation sequence that cannot be drawn exactly");
                }
                if (Character.isISOControl(codePoint) || fontFor(cmaps, codePoint) < 0) {
                    throw new UnprintableTextException("no font has a glyph for a character of the record");
                }
            }
        }
    }

    /** The first font with a glyph for the code point, or -1. */
    private static int fontFor(List<CmapLookup> cmaps, int codePoint) {
        for (int i = 0; i < cmaps.size(); i++) {
            if (cmaps.get(i).getGlyphId(codePoint) != 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isVariationSelector(int codePoint) {
        return (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0xE0100 && codePoint <= 0xE01EF)
                || (codePoint >= 0x180B && codePoint <= 0x180D);
    }

    /** The text cut into runs of one font each. */
    private static List<Object[]> runs(List<CmapLookup> cmaps, String text) {
        List<Object[]> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int current = -1;
        for (int codePoint : text.codePoints().toArray()) {
            int font = Math.max(0, fontFor(cmaps, codePoint));
            if (font != current && run.length() > 0) {
                runs.add(new Object[] {current, run.toString()});
                run.setLength(0);
            }
            current = font;
            run.appendCodePoint(codePoint);
        }
        if (run.length() > 0) {
            runs.add(new Object[] {current, run.toString()});
        }
        return runs;
    }

    /**
     * The fonts of one document, each embedded at its first use: embedding builds the widths of every
     * glyph of the font (IPAmj Mincho has some 60,000), and most records never need the second font.
     */
    private static final class EmbeddedFonts {
        private final PDDocument document;
        private final List<TrueTypeFont> fonts;
        private final PDType0Font[] embedded;

        EmbeddedFonts(PDDocument document, List<TrueTypeFont> fonts) {
            this.document = document;
            this.fonts = fonts;
            this.embedded = new PDType0Font[fonts.size()];
        }

        PDType0Font get(int index) throws IOException {
            if (embedded[index] == null) {
                embedded[index] = PDType0Font.load(document, fonts.get(index), true);
            }
            return embedded[index];
        }
    }

    private static void draw(PDPageContentStream content, EmbeddedFonts fonts, List<CmapLookup> cmaps,
                             PageElement element) throws IOException {
        if (element instanceof PageElement.Text text) {
            List<Object[]> runs = runs(cmaps, text.text());
            float width = 0;
            for (Object[] run : runs) {
                width += fonts.get((Integer) run[0]).getStringWidth((String) run[1]) / 1000f * text.size();
            }
            float x = switch (text.anchor()) {
                case LEFT -> text.x();
                case CENTER -> text.x() - width / 2f;
                case RIGHT -> text.x() - width;
            };
            ink(content, text.ink());
            content.beginText();
            content.newLineAtOffset(x, text.y());
            for (Object[] run : runs) {
                content.setFont(fonts.get((Integer) run[0]), text.size());
                content.showText((String) run[1]);
            }
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
        } else if (element instanceof PageElement.Disc disc) {
            ink(content, disc.ink());
            drawCircle(content, disc.x(), disc.y(), disc.radius());
            if (disc.filled()) {
                content.fill();
            } else {
                content.setLineWidth(disc.lineWidth());
                content.stroke();
            }
        }
    }

    private static void drawCircle(PDPageContentStream content, float cx, float cy, float r) throws IOException {
        float k = 0.552284749831f * r;
        content.moveTo(cx + r, cy);
        content.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        content.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        content.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        content.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        content.closePath();
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
