package jp.certkiosk.printer.security;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Checks a scan of a printed back against the issuance: cuts the scrambled area out of the scan
 * (the scan is the whole A4 side, upright), descrambles it with the issuance's print key and
 * compares it block by block with the front the municipality issued. The back is genuine when
 * nearly every block matches; a back made for another issuance, or altered, is not.
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
     * differing blocks found together in one 4 x 4 window of the back, and the recovered front.
     */
    public record Result(boolean genuine, int page, double matchingShare, int mismatchedBlocks, int largestPatch,
                         BufferedImage recovered) {}

    private ScanVerifier() {}

    public static Result verify(byte[] municipalPdf, byte[] printKey, String issuanceId, BufferedImage scanOfBack)
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
                for (int k = 0; k < a.length; k++) {
                    if (Math.abs(a[k] - b[k]) > PIXEL_TOLERANCE) {
                        differing++;
                    }
                }
                if (differing * 100 > a.length * DIFFERING_PERCENT) {
                    mismatched++;
                    mismatchedOnBack[scrambler.backPositionOf(row * Scrambler.COLUMNS + column)] = true;
                }
            }
        }
        double share = 1.0 - (double) mismatched / blocks;
        int cluster = largestCluster(mismatchedOnBack);
        return new Result(share >= REQUIRED_MATCH && cluster < ALTERED_CLUSTER, page, share, mismatched, cluster,
                recoveredImage);
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
