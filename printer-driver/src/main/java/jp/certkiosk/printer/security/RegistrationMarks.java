package jp.certkiosk.printer.security;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The four registration marks of a printed back, one beyond each corner of the scrambled area: a
 * solid black square inside a white one. Nothing else on the back looks like it: the tint block is
 * grey dots, and a black square that size in the scrambled image would need three by three black
 * blocks with all sixteen around them white. A verifier finds the best few candidates near each
 * corner, keeps the four that lie as the marks do on the page (a rectangle seen slightly rotated,
 * scaled or in perspective), and maps the page onto the scan with the perspective they span: the
 * rotation, scale and offset of a flatbed scan and the keystone of a phone photo are all undone by it.
 */
public final class RegistrationMarks {
    /** Side of the black square, in points. */
    static final float CORE = 14f;
    /** Side of the white square around it, in points. */
    static final float RING = 24f;
    /** Mark centres in PDF points (origin bottom left): bottom left, bottom right, top left, top right. */
    static final List<Point2D.Double> CENTRES = List.of(
            new Point2D.Double(30, 74), new Point2D.Double(565, 74),
            new Point2D.Double(30, 806), new Point2D.Double(565, 806));
    /** How far from where an upright, full-page scan would have it a mark is looked for, in points. */
    static final double SEARCH = 80;
    /** Candidates kept near each corner. */
    private static final int CANDIDATES = 6;
    /** How far the sides of the marks' quadrilateral may stray from the page's proportions. */
    private static final double SHAPE_TOLERANCE = 0.12;
    /** How far any side may turn from the page's axes: a few degrees of rotation, a little more in a photo. */
    private static final double MAX_TILT_DEGREES = 7;
    /** Contrast (grey levels) between the white ring and the black core that a found mark must have. */
    static final double MIN_CONTRAST = 60;

    private RegistrationMarks() {}

    /** Draws the marks on a back. */
    static void draw(PDPageContentStream content) throws IOException {
        for (Point2D.Double centre : CENTRES) {
            content.setNonStrokingColor(1f, 1f, 1f);
            content.addRect((float) centre.x - RING / 2, (float) centre.y - RING / 2, RING, RING);
            content.fill();
            content.setNonStrokingColor(0f, 0f, 0f);
            content.addRect((float) centre.x - CORE / 2, (float) centre.y - CORE / 2, CORE, CORE);
            content.fill();
        }
    }

    /**
     * The page-to-scan perspective the four marks span, if all four are found where a scan of the
     * whole A4 side (roughly upright and filling the image) would put them.
     */
    public static Optional<Perspective> locate(BufferedImage scan) {
        BufferedImage grey = AntiForgeryComposer.toGrey(scan);
        double pxPerPt = grey.getWidth() / PDRectangle.A4.getWidth();
        int factor = Math.max(1, (int) Math.floor(pxPerPt));
        BufferedImage small = factor >= 2 ? AntiForgeryComposer.boxDown(grey, factor) : grey;
        double scale = pxPerPt / factor;
        // the core template nearly fills the black square: two by two black blocks of the scrambled image do not
        int core = Math.max(3, (int) Math.round(CORE * scale * 0.92));
        int ring = Math.max(core + 4, (int) Math.round(RING * scale * 0.95));
        // beyond the scan is the scanner's white lid: a mark cut by the edge is still found
        int pad = ring;
        BufferedImage padded = new BufferedImage(small.getWidth() + 2 * pad, small.getHeight() + 2 * pad,
                BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = padded.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, padded.getWidth(), padded.getHeight());
        g.drawImage(small, pad, pad, null);
        g.dispose();
        long[] integral = ScanVerifier.integral(padded);
        int w = padded.getWidth();
        int h = padded.getHeight();
        List<List<Candidate>> candidates = new ArrayList<>();
        for (Point2D.Double centre : CENTRES) {
            double ex = centre.x * scale + pad;
            double ey = (PDRectangle.A4.getHeight() - centre.y) * scale + pad;
            int reach = (int) Math.round(SEARCH * scale);
            List<Candidate> best = new ArrayList<>();
            for (int y = Math.max(ring, (int) ey - reach); y < Math.min(h - ring, (int) ey + reach); y++) {
                for (int x = Math.max(ring, (int) ex - reach); x < Math.min(w - ring, (int) ex + reach); x++) {
                    double coreMean = mean(integral, w, x, y, core);
                    double ringMean = (sum(integral, w, x, y, ring) - sum(integral, w, x, y, core))
                            / (double) (ring * ring - core * core);
                    double score = ringMean - coreMean;
                    if (score >= MIN_CONTRAST) {
                        keep(best, new Candidate(x, y, score), ring);
                    }
                }
            }
            if (best.isEmpty()) {
                return Optional.empty();
            }
            candidates.add(best);
        }
        List<Candidate> chosen = consistent(candidates, scale);
        if (chosen == null) {
            return Optional.empty();
        }
        List<Point2D.Double> found = new ArrayList<>();
        for (Candidate c : chosen) {
            found.add(refine(grey, (c.x() - pad + 0.5) * factor, (c.y() - pad + 0.5) * factor, core * factor,
                    ring * factor));
        }
        List<Point2D.Double> page = CENTRES.stream()
                .map(c -> new Point2D.Double(c.x, PDRectangle.A4.getHeight() - c.y))
                .toList();
        return Optional.of(Perspective.between(page, found));
    }

    private record Candidate(int x, int y, double score) {}

    /** Keeps the best {@link #CANDIDATES} candidates at least a mark apart. */
    private static void keep(List<Candidate> best, Candidate candidate, int apart) {
        for (int i = 0; i < best.size(); i++) {
            Candidate other = best.get(i);
            if (Math.abs(other.x() - candidate.x()) < apart && Math.abs(other.y() - candidate.y()) < apart) {
                if (candidate.score() > other.score()) {
                    best.remove(i);
                    insert(best, candidate);
                }
                return;
            }
        }
        insert(best, candidate);
    }

    private static void insert(List<Candidate> best, Candidate candidate) {
        int at = 0;
        while (at < best.size() && best.get(at).score() >= candidate.score()) {
            at++;
        }
        if (at < CANDIDATES) {
            best.add(at, candidate);
            if (best.size() > CANDIDATES) {
                best.remove(best.size() - 1);
            }
        }
    }

    /**
     * The four candidates (one per corner: bottom left, bottom right, top left, top right), each
     * with nearly the best contrast found at its corner, whose quadrilateral is closest to the
     * page's rectangle of marks seen a little rotated, scaled or in perspective; null if none is
     * close enough.
     */
    private static List<Candidate> consistent(List<List<Candidate>> candidates, double scale) {
        double width = (CENTRES.get(1).x - CENTRES.get(0).x) * scale;
        double height = (CENTRES.get(2).y - CENTRES.get(0).y) * scale;
        List<Candidate> best = null;
        double bestError = Double.MAX_VALUE;
        double[] floor = new double[4];
        for (int corner = 0; corner < 4; corner++) {
            floor[corner] = candidates.get(corner).get(0).score() * 0.75;
        }
        for (Candidate bl : candidates.get(0)) {
            for (Candidate br : candidates.get(1)) {
                for (Candidate tl : candidates.get(2)) {
                    for (Candidate tr : candidates.get(3)) {
                        if (bl.score() < floor[0] || br.score() < floor[1] || tl.score() < floor[2]
                                || tr.score() < floor[3]) {
                            continue;
                        }
                        double bottom = Math.hypot(br.x() - bl.x(), br.y() - bl.y());
                        double top = Math.hypot(tr.x() - tl.x(), tr.y() - tl.y());
                        double left = Math.hypot(tl.x() - bl.x(), tl.y() - bl.y());
                        double right = Math.hypot(tr.x() - br.x(), tr.y() - br.y());
                        double size = (bottom + top) / 2 / width;
                        boolean shaped = near(top / bottom, 1) && near(right / left, 1)
                                && near((left + right) / 2 / height, size)
                                && level(br.x() - bl.x(), br.y() - bl.y()) && level(tr.x() - tl.x(), tr.y() - tl.y())
                                && level(bl.y() - tl.y(), tl.x() - bl.x()) && level(br.y() - tr.y(), tr.x() - br.x());
                        // how far from a parallelogram of the page's proportions: a rotated, scaled scan is one
                        double error = Math.abs(top / bottom - 1) + Math.abs(right / left - 1)
                                + Math.abs((left + right) / 2 / height / size - 1)
                                + Math.abs((br.x() - bl.x()) - (tr.x() - tl.x())) / width
                                + Math.abs((br.y() - bl.y()) - (tr.y() - tl.y())) / width
                                + Math.abs((tl.x() - bl.x()) - (tr.x() - br.x())) / height
                                + Math.abs((tl.y() - bl.y()) - (tr.y() - br.y())) / height;
                        if (shaped && error < bestError) {
                            bestError = error;
                            best = List.of(bl, br, tl, tr);
                        }
                    }
                }
            }
        }
        return best;
    }

    /** Whether the direction (dx, dy) is within {@link #MAX_TILT_DEGREES} of the x axis, pointing forward. */
    private static boolean level(double dx, double dy) {
        return dx > 0 && Math.abs(Math.toDegrees(Math.atan2(dy, dx))) <= MAX_TILT_DEGREES;
    }

    private static boolean near(double value, double expected) {
        return Math.abs(value - expected) <= SHAPE_TOLERANCE * expected;
    }

    /** The centre of the dark core near (x, y) in the full-resolution scan: darkness-weighted, sub-pixel. */
    private static Point2D.Double refine(BufferedImage grey, double x, double y, int core, int ring) {
        int half = (core + ring) / 4 + 1;
        int x0 = Math.max(0, (int) x - half);
        int y0 = Math.max(0, (int) y - half);
        int x1 = Math.min(grey.getWidth() - 1, (int) x + half);
        int y1 = Math.min(grey.getHeight() - 1, (int) y + half);
        int min = 255;
        int max = 0;
        for (int yy = y0; yy <= y1; yy++) {
            for (int xx = x0; xx <= x1; xx++) {
                int v = grey.getRaster().getSample(xx, yy, 0);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double threshold = (min + max) / 2.0;
        double sx = 0;
        double sy = 0;
        double total = 0;
        for (int yy = y0; yy <= y1; yy++) {
            for (int xx = x0; xx <= x1; xx++) {
                double dark = threshold - grey.getRaster().getSample(xx, yy, 0);
                if (dark > 0) {
                    sx += dark * (xx + 0.5);
                    sy += dark * (yy + 0.5);
                    total += dark;
                }
            }
        }
        return total == 0 ? new Point2D.Double(x, y) : new Point2D.Double(sx / total, sy / total);
    }

    /** Sum over the side x side square centred on (x, y). */
    private static long sum(long[] table, int w, int x, int y, int side) {
        int x0 = x - side / 2;
        int y0 = y - side / 2;
        int x1 = x0 + side;
        int y1 = y0 + side;
        int stride = w + 1;
        return table[y1 * stride + x1] - table[y0 * stride + x1] - table[y1 * stride + x0] + table[y0 * stride + x0];
    }

    private static double mean(long[] table, int w, int x, int y, int side) {
        return sum(table, w, x, y, side) / (double) (side * side);
    }

    /**
     * A plane perspective (homography) from page coordinates (points, origin top left, y down) to
     * scan pixels, fixed by four point pairs.
     */
    public record Perspective(double[] h) {
        /** Solves the eight unknowns of the homography through four pairs of points. */
        static Perspective between(List<Point2D.Double> from, List<Point2D.Double> to) {
            double[][] a = new double[8][9];
            for (int i = 0; i < 4; i++) {
                double x = from.get(i).x;
                double y = from.get(i).y;
                double u = to.get(i).x;
                double v = to.get(i).y;
                a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
                a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
            }
            // Gaussian elimination with partial pivoting
            for (int col = 0; col < 8; col++) {
                int pivot = col;
                for (int r = col + 1; r < 8; r++) {
                    if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                        pivot = r;
                    }
                }
                double[] t = a[col];
                a[col] = a[pivot];
                a[pivot] = t;
                if (Math.abs(a[col][col]) < 1e-12) {
                    throw new IllegalArgumentException("the marks are degenerate");
                }
                for (int r = 0; r < 8; r++) {
                    if (r != col) {
                        double f = a[r][col] / a[col][col];
                        for (int c = col; c < 9; c++) {
                            a[r][c] -= f * a[col][c];
                        }
                    }
                }
            }
            double[] h = new double[9];
            for (int i = 0; i < 8; i++) {
                h[i] = a[i][8] / a[i][i];
            }
            h[8] = 1;
            return new Perspective(h);
        }

        /** Where the page point (x, y) lies in the scan. */
        public Point2D.Double apply(double x, double y) {
            double w = h[6] * x + h[7] * y + h[8];
            return new Point2D.Double((h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w);
        }

        /** Scan pixels per page point, near the page point (x, y) (the mean of both axes). */
        double pixelsPerPoint(double x, double y) {
            Point2D.Double o = apply(x, y);
            Point2D.Double dx = apply(x + 1, y);
            Point2D.Double dy = apply(x, y + 1);
            return (o.distance(dx) + o.distance(dy)) / 2;
        }
    }
}
