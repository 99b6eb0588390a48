package jp.certkiosk.printer.security;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Checks a scan of a printed back against the issuance: finds the four registration marks of the
 * back in the scan and, through the perspective they span, cuts the scrambled area out of it (so a
 * scan rotated by a few degrees, scaled, shifted, or a phone photo taken at an angle reads as if it
 * were upright); without marks (a back printed before they were added) it takes the scan as the
 * whole A4 side, upright. It then descrambles the area with the issuance's print key and compares
 * it block by block with the front the municipality issued. The back is genuine when nearly every
 * block matches; a back made for another issuance, or altered, is not.
 */
public final class ScanVerifier {
    /**
     * Share of blocks that must match. Printing and scanning lose some fine print, so a few
     * blocks of dense text differ on a genuine sheet; they lie scattered over the back, because
     * neighbours on the front are far apart on the back.
     */
    public static final double REQUIRED_MATCH = 0.98;
    /** An alteration of the back is a patch: this many differing blocks in one 4 x 4 window of the back. */
    static final int ALTERED_CLUSTER = 6;
    private static final int WINDOW = 4;
    /** Grey difference (0-255) above which a pixel of the recovered front differs from the issued one. */
    static final int PIXEL_TOLERANCE = 48;
    /**
     * A block does not match when more than this share (%) of its inner pixels differ: a scan blurs
     * a pixel line at block seams (neighbours on the back are unrelated, often inverted), an
     * alteration changes whole blocks.
     */
    static final int DIFFERING_PERCENT = 40;

    /**
     * How a scan compared: the best-matching page, the share of matching blocks, the most
     * differing blocks found together in one 4 x 4 window of the back, the recovered front, and the
     * most strongly differing pixels in one 3 x 3 window of blocks of the front (a changed content).
     */
    public record Result(boolean genuine, int page, double matchingShare, int mismatchedBlocks, int largestPatch,
                         BufferedImage recovered, int largestChange) {
        public Result(boolean genuine, int page, double matchingShare, int mismatchedBlocks, int largestPatch,
                      BufferedImage recovered) {
            this(genuine, page, matchingShare, mismatchedBlocks, largestPatch, recovered, 0);
        }
    }

    private ScanVerifier() {}

    public static Result verify(byte[] municipalPdf, byte[] printKey, String issuanceId, BufferedImage scanOfBack)
            throws IOException {
        var perspective = RegistrationMarks.locate(scanOfBack);
        if (perspective.isPresent()) {
            return verify(municipalPdf, printKey, issuanceId, AntiForgeryComposer.toGrey(scanOfBack), perspective.get());
        }
        return verifyUpright(municipalPdf, printKey, issuanceId, scanOfBack);
    }

    /** Through the perspective of the registration marks: the scrambled area sampled where it lies in the scan. */
    static Result verify(byte[] municipalPdf, byte[] printKey, String issuanceId, BufferedImage grey,
                         RegistrationMarks.Perspective perspective) throws IOException {
        var area = AntiForgeryComposer.SCRAMBLE_AREA;
        double left = area.getLowerLeftX();
        double top = org.apache.pdfbox.pdmodel.common.PDRectangle.A4.getHeight() - area.getUpperRightY();
        double ptPerX = area.getWidth() / Scrambler.WIDTH;
        double ptPerY = area.getHeight() / Scrambler.HEIGHT;
        // average the scan over the footprint of one scrambled pixel before sampling it
        double footprint = perspective.pixelsPerPoint(left + area.getWidth() / 2, top + area.getHeight() / 2) * ptPerX;
        int box = Math.max(1, (int) Math.round(footprint));
        BufferedImage smooth = box >= 2 ? boxMean(grey, box) : grey;
        Result best = null;
        try (PDDocument document = Loader.loadPDF(municipalPdf)) {
            java.util.List<BufferedImage> fronts = new java.util.ArrayList<>();
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                fronts.add(AntiForgeryComposer.frontImage(document, page));
            }
            // the marks are found to a fraction of a pixel; a third of a scrambled pixel either way covers the rest
            for (double sy = -1 / 3.0; sy <= 1 / 3.0 + 1e-9; sy += 1 / 3.0) {
                for (double sx = -1 / 3.0; sx <= 1 / 3.0 + 1e-9; sx += 1 / 3.0) {
                    BufferedImage cut = new BufferedImage(Scrambler.WIDTH, Scrambler.HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
                    int[] row = new int[Scrambler.WIDTH];
                    for (int v = 0; v < Scrambler.HEIGHT; v++) {
                        double y = top + (v + 0.5 + sy) * ptPerY;
                        for (int u = 0; u < Scrambler.WIDTH; u++) {
                            var at = perspective.apply(left + (u + 0.5 + sx) * ptPerX, y);
                            row[u] = bilinear(smooth, at.x - 0.5, at.y - 0.5);
                        }
                        cut.getRaster().setSamples(0, v, Scrambler.WIDTH, 1, 0, row);
                    }
                    for (int page = 0; page < fronts.size(); page++) {
                        Scrambler scrambler = new Scrambler(printKey, issuanceId, page);
                        Result result = compare(page, scrambler, scrambler.descramble(cut), fronts.get(page));
                        if (best == null || result.matchingShare() > best.matchingShare()) {
                            best = result;
                        }
                    }
                }
            }
        }
        return best;
    }

    /** The grey level at (x, y), interpolated between the four nearest pixels; paper white outside. */
    private static int bilinear(BufferedImage image, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        if (x0 < 0 || y0 < 0 || x0 + 1 >= image.getWidth() || y0 + 1 >= image.getHeight()) {
            return 255;
        }
        double fx = x - x0;
        double fy = y - y0;
        var raster = image.getRaster();
        double top = raster.getSample(x0, y0, 0) * (1 - fx) + raster.getSample(x0 + 1, y0, 0) * fx;
        double bottom = raster.getSample(x0, y0 + 1, 0) * (1 - fx) + raster.getSample(x0 + 1, y0 + 1, 0) * fx;
        return (int) Math.round(top * (1 - fy) + bottom * fy);
    }

    /**
     * The summed-area table of a grey image: entry (y + 1) * (w + 1) + x + 1 holds the sum of every
     * sample above and left of (x, y), inclusive; row and column 0 are zero.
     */
    static long[] integral(BufferedImage grey) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        long[] table = new long[(w + 1) * (h + 1)];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            grey.getRaster().getSamples(0, y, w, 1, 0, row);
            long running = 0;
            for (int x = 0; x < w; x++) {
                running += row[x];
                table[(y + 1) * (w + 1) + x + 1] = table[y * (w + 1) + x + 1] + running;
            }
        }
        return table;
    }

    /** The mean over the box x box square around each pixel (a box filter, same size as the image). */
    static BufferedImage boxMean(BufferedImage grey, int box) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        long[] table = integral(grey);
        int[] row = new int[w];
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        int before = (box - 1) / 2;
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - before);
            int y1 = Math.min(h, y0 + box);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - before);
                int x1 = Math.min(w, x0 + box);
                long sum = table[y1 * (w + 1) + x1] - table[y0 * (w + 1) + x1] - table[y1 * (w + 1) + x0]
                        + table[y0 * (w + 1) + x0];
                row[x] = (int) (sum / ((long) (x1 - x0) * (y1 - y0)));
            }
            out.getRaster().setSamples(0, y, w, 1, 0, row);
        }
        return out;
    }

    /** The scan taken as the whole A4 side, upright: the way backs without registration marks are read. */
    static Result verifyUpright(byte[] municipalPdf, byte[] printKey, String issuanceId, BufferedImage scanOfBack)
            throws IOException {
        BufferedImage grey = AntiForgeryComposer.toGrey(scanOfBack);
        double pxPerPtX = grey.getWidth() / org.apache.pdfbox.pdmodel.common.PDRectangle.A4.getWidth();
        double pxPerPtY = grey.getHeight() / org.apache.pdfbox.pdmodel.common.PDRectangle.A4.getHeight();
        var area = AntiForgeryComposer.SCRAMBLE_AREA;
        double top = org.apache.pdfbox.pdmodel.common.PDRectangle.A4.getHeight() - area.getUpperRightY();
        Result best = null;
        try (PDDocument document = Loader.loadPDF(municipalPdf)) {
            java.util.List<BufferedImage> fronts = new java.util.ArrayList<>();
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                fronts.add(AntiForgeryComposer.frontImage(document, page));
            }
            // a scan is never registered to the pixel: try shifts of up to a pixel of the scrambled image
            double stepX = area.getWidth() * pxPerPtX / Scrambler.WIDTH / 2;
            double stepY = area.getHeight() * pxPerPtY / Scrambler.HEIGHT / 2;
            for (int sy = -1; sy <= 1; sy++) {
                for (int sx = -1; sx <= 1; sx++) {
                    BufferedImage cut = AntiForgeryComposer.resample(grey, area.getLowerLeftX() * pxPerPtX + sx * stepX,
                            top * pxPerPtY + sy * stepY, area.getWidth() * pxPerPtX, area.getHeight() * pxPerPtY);
                    for (int page = 0; page < fronts.size(); page++) {
                        Scrambler scrambler = new Scrambler(printKey, issuanceId, page);
                        Result result = compare(page, scrambler, scrambler.descramble(cut), fronts.get(page));
                        if (best == null || result.matchingShare() > best.matchingShare()) {
                            best = result;
                        }
                    }
                }
            }
        }
        return best;
    }

    static Result compare(int page, Scrambler scrambler, BufferedImage recoveredImage, BufferedImage frontImage) {
        // a 3 x 3 blur on both sides: a scan is never aligned to the pixel, and fine print then differs
        // by a shifted edge, not by content
        BufferedImage recovered = blur(recoveredImage);
        BufferedImage front = blur(frontImage);
        int blocks = Scrambler.COLUMNS * Scrambler.ROWS;
        int mismatched = 0;
        boolean[] mismatchedOnBack = new boolean[blocks];
        boolean[] mismatchedOnFront = new boolean[blocks];
        int[] strongOnFront = new int[blocks];
        int inner = Scrambler.BLOCK - 2;
        int[] a = new int[inner * inner];
        int[] b = new int[inner * inner];
        for (int row = 0; row < Scrambler.ROWS; row++) {
            for (int column = 0; column < Scrambler.COLUMNS; column++) {
                int x = column * Scrambler.BLOCK + 1;
                int y = row * Scrambler.BLOCK + 1;
                recovered.getRaster().getSamples(x, y, inner, inner, 0, a);
                front.getRaster().getSamples(x, y, inner, inner, 0, b);
                int differing = 0;
                int strong = 0;
                for (int k = 0; k < a.length; k++) {
                    int d = Math.abs(a[k] - b[k]);
                    if (d > PIXEL_TOLERANCE) {
                        differing++;
                    }
                    if (d > STRONG_DIFFERENCE) {
                        strong++;
                    }
                }
                strongOnFront[row * Scrambler.COLUMNS + column] = strong;
                if (differing * 100 > a.length * DIFFERING_PERCENT) {
                    mismatched++;
                    mismatchedOnBack[scrambler.backPositionOf(row * Scrambler.COLUMNS + column)] = true;
                    mismatchedOnFront[row * Scrambler.COLUMNS + column] = true;
                }
            }
        }
        double share = 1.0 - (double) mismatched / blocks;
        int cluster = largestCluster(mismatchedOnBack);
        int change = largestStrongWindow(strongOnFront);
        return new Result(share >= REQUIRED_MATCH && cluster < ALTERED_CLUSTER && change < CHANGED_CONTENT, page, share,
                mismatched, cluster, recoveredImage, change);
    }

    /**
     * Grey difference (0-255, after the blur) of a pixel where the recovered front shows other ink
     * than the issued one: a glyph that is not there, not the same glyph slightly shifted or blurred.
     */
    static final int STRONG_DIFFERENCE = 100;
    /**
     * Strongly differing pixels in one 3 x 3 window of blocks of the front from which the content is
     * taken as changed (a name re-scrambled with the issuance's own key reads 9 in the tests;
     * genuine scans of the demo's documents, rotated, blurred, JPEG-compressed, at most 2).
     */
    static final int CHANGED_CONTENT = 6;

    /** The most strongly differing pixels in any 3 x 3 window of blocks of the front. */
    static int largestStrongWindow(int[] strong) {
        int largest = 0;
        for (int row = 0; row + 3 <= Scrambler.ROWS; row++) {
            for (int column = 0; column + 3 <= Scrambler.COLUMNS; column++) {
                int count = 0;
                for (int dy = 0; dy < 3; dy++) {
                    for (int dx = 0; dx < 3; dx++) {
                        count += strong[(row + dy) * Scrambler.COLUMNS + column + dx];
                    }
                }
                largest = Math.max(largest, count);
            }
        }
        return largest;
    }

    /** The most mismatched blocks in any 4 x 4 window of the back. */
    static int largestCluster(boolean[] mismatchedOnBack) {
        int largest = 0;
        for (int row = 0; row + WINDOW <= Scrambler.ROWS; row++) {
            for (int column = 0; column + WINDOW <= Scrambler.COLUMNS; column++) {
                int count = 0;
                for (int dy = 0; dy < WINDOW; dy++) {
                    for (int dx = 0; dx < WINDOW; dx++) {
                        if (mismatchedOnBack[(row + dy) * Scrambler.COLUMNS + column + dx]) {
                            count++;
                        }
                    }
                }
                largest = Math.max(largest, count);
            }
        }
        return largest;
    }

    private static BufferedImage blur(BufferedImage image) {
        float[] box = new float[9];
        java.util.Arrays.fill(box, 1f / 9f);
        return new java.awt.image.ConvolveOp(new java.awt.image.Kernel(3, 3, box),
                java.awt.image.ConvolveOp.EDGE_NO_OP, null).filter(image, null);
    }
}
