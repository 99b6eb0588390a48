package jp.certkiosk.printer.ipp;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.certkiosk.printer.PdfParsing;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * PWG Raster (PWG 5102.4), the format every IPP Everywhere printer accepts: the sync word
 * {@code RaS2}, then per page a 1796-byte big-endian header and the page's lines, each line a
 * repeat count followed by PackBits-like runs. Pages are 8-bit grey (sgray), rendered by PDFBox.
 */
public final class PwgRaster {
    static final int HEADER_SIZE = 1796;
    private static final int COLOR_SPACE_SGRAY = 18;

    private PwgRaster() {}

    /** Renders every page of the PDF at {@code dpi} and encodes them for two-sided (long edge) printing. */
    public static byte[] fromPdf(byte[] pdf, int dpi, boolean duplex) {
        try (PDDocument document = PdfParsing.load(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write("RaS2".getBytes(StandardCharsets.US_ASCII));
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.GRAY);
                float widthPt = document.getPage(i).getMediaBox().getWidth();
                float heightPt = document.getPage(i).getMediaBox().getHeight();
                writePage(out, image, dpi, Math.round(widthPt), Math.round(heightPt), duplex, pages);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the document as PWG raster", e);
        }
    }

    /** Pages of a PWG raster stream: the number of headers it holds, read back for checks. */
    public static List<int[]> pageSizes(byte[] raster) {
        ByteBuffer buffer = ByteBuffer.wrap(raster);
        byte[] sync = new byte[4];
        buffer.get(sync);
        if (!"RaS2".equals(new String(sync, StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("not PWG raster");
        }
        java.util.ArrayList<int[]> pages = new java.util.ArrayList<>();
        while (buffer.remaining() >= HEADER_SIZE) {
            int start = buffer.position();
            int width = buffer.getInt(start + 372);
            int height = buffer.getInt(start + 376);
            int bytesPerLine = buffer.getInt(start + 392);
            int duplex = buffer.getInt(start + 272);
            pages.add(new int[] {width, height, duplex});
            buffer.position(start + HEADER_SIZE);
            for (int y = 0; y < height; ) {
                int repeat = (buffer.get() & 0xff) + 1;
                int x = 0;
                while (x < bytesPerLine) {
                    int control = buffer.get() & 0xff;
                    if (control <= 127) {
                        buffer.get();
                        x += control + 1;
                    } else {
                        int count = 257 - control;
                        buffer.position(buffer.position() + count);
                        x += count;
                    }
                }
                y += repeat;
            }
        }
        return pages;
    }

    private static void writePage(ByteArrayOutputStream out, BufferedImage image, int dpi, int widthPt, int heightPt,
                                  boolean duplex, int totalPages) {
        int width = image.getWidth();
        int height = image.getHeight();
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
        putString(header, 0, "PwgRaster");
        putString(header, 128, "stationery");
        header.putInt(272, duplex ? 1 : 0);
        header.putInt(276, dpi);
        header.putInt(280, dpi);
        header.putInt(340, 1);
        header.putInt(352, widthPt);
        header.putInt(356, heightPt);
        header.putInt(368, 0);
        header.putInt(372, width);
        header.putInt(376, height);
        header.putInt(384, 8);
        header.putInt(388, 8);
        header.putInt(392, width);
        header.putInt(396, 0);
        header.putInt(400, COLOR_SPACE_SGRAY);
        header.putInt(420, 1);
        header.putInt(452, totalPages);
        header.putInt(456, 1);
        header.putInt(460, 1);
        putString(header, 1732, "iso_a4_210x297mm");
        out.writeBytes(header.array());

        byte[] previous = null;
        byte[] line = new byte[width];
        int repeat = 0;
        for (int y = 0; y < height; y++) {
            image.getRaster().getDataElements(0, y, width, 1, line);
            if (previous != null && java.util.Arrays.equals(previous, line) && repeat < 255) {
                repeat++;
                continue;
            }
            if (previous != null) {
                writeLine(out, previous, repeat);
            }
            previous = line.clone();
            repeat = 0;
        }
        if (previous != null) {
            writeLine(out, previous, repeat);
        }
    }

    private static void writeLine(ByteArrayOutputStream out, byte[] line, int extraRepeats) {
        out.write(extraRepeats);
        int x = 0;
        while (x < line.length) {
            int run = 1;
            while (x + run < line.length && run < 128 && line[x + run] == line[x]) {
                run++;
            }
            if (run > 1) {
                out.write(run - 1);
                out.write(line[x]);
                x += run;
                continue;
            }
            int start = x;
            int count = 0;
            while (x < line.length && count < 128
                    && !(x + 1 < line.length && line[x + 1] == line[x])) {
                x++;
                count++;
            }
            if (count == 0) {
                count = 1;
                x++;
            }
            if (count == 1) {
                out.write(0);
                out.write(line[start]);
            } else {
                out.write(257 - count);
                out.write(line, start, count);
            }
        }
    }

    private static void putString(ByteBuffer header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length && i < 63; i++) {
            header.put(offset + i, bytes[i]);
        }
    }
}
