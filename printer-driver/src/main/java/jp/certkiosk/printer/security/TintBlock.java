package jp.certkiosk.printer.security;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The tint-block background (地紋) of every printed side. Two dot screens of the same tone cover
 * the page: fine dots (2 x 2 device pixels every 6 at 300 dpi) everywhere, and coarse dots
 * (6 x 6 every 18) inside the letters of the warning word 「複写」. At print resolution both read
 * as the same light grey and the word cannot be seen; a copier, which samples coarser and
 * thresholds, loses the fine dots and keeps the coarse ones, so the word appears on the copy.
 */
public final class TintBlock {
    public static final String LATENT_WORD = "複写";
    /** Resolution of the tint image: 300 dpi over A4. */
    public static final int DPI = 300;
    public static final int WIDTH = 2480;
    public static final int HEIGHT = 3508;
    /** Grey level of a dot (0 black, 255 paper). */
    public static final int INK = 120;

    static final int FINE_PERIOD = 6;
    static final int FINE_DOT = 2;
    static final int COARSE_PERIOD = 18;
    static final int COARSE_DOT = 6;

    private final Font font;

    /** @param fontFile a TrueType font with the glyphs of 「複写」 (IPAex Mincho on the kiosk) */
    public TintBlock(Path fontFile) {
        try {
            this.font = Font.createFont(Font.TRUETYPE_FONT, fontFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tint-block font " + fontFile, e);
        } catch (FontFormatException e) {
            throw new IllegalArgumentException("not a TrueType font: " + fontFile, e);
        }
    }

    /** Where the latent word lies: true inside its (thickened) letters. */
    public boolean[][] latentMask() {
        BufferedImage mask = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = mask.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.WHITE);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            Font big = font.deriveFont(330f);
            FontRenderContext context = g.getFontRenderContext();
            GlyphVector glyphs = big.createGlyphVector(context, LATENT_WORD);
            Shape word = glyphs.getOutline();
            double wordWidth = word.getBounds2D().getWidth();
            g.setStroke(new BasicStroke(26f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            int row = 0;
            for (int y = 520; y < HEIGHT; y += 820, row++) {
                double x0 = row % 2 == 0 ? 180 : 180 + wordWidth / 2 + 200;
                for (double x = x0 - (row % 2 == 0 ? 0 : wordWidth + 400); x < WIDTH; x += wordWidth + 400) {
                    Shape placed = AffineTransform.getTranslateInstance(x, y).createTransformedShape(word);
                    g.fill(placed);
                    g.draw(placed);
                }
            }
        } finally {
            g.dispose();
        }
        boolean[][] inside = new boolean[HEIGHT][WIDTH];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                inside[y][x] = (mask.getRaster().getSample(x, y, 0)) > 127;
            }
        }
        return inside;
    }

    /** The tint image for one side of A4 at {@link #DPI}: grey dots on white. */
    public BufferedImage image() {
        boolean[][] latent = latentMask();
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        java.util.Arrays.fill(pixels, (byte) 255);
        for (int cy = 0; cy < HEIGHT; cy += COARSE_PERIOD) {
            for (int cx = 0; cx < WIDTH; cx += COARSE_PERIOD) {
                int centreY = Math.min(HEIGHT - 1, cy + COARSE_PERIOD / 2);
                int centreX = Math.min(WIDTH - 1, cx + COARSE_PERIOD / 2);
                if (latent[centreY][centreX]) {
                    int offset = (COARSE_PERIOD - COARSE_DOT) / 2;
                    dot(pixels, cx + offset, cy + offset, COARSE_DOT);
                } else {
                    for (int fy = cy; fy < cy + COARSE_PERIOD; fy += FINE_PERIOD) {
                        for (int fx = cx; fx < cx + COARSE_PERIOD; fx += FINE_PERIOD) {
                            dot(pixels, fx + 2, fy + 2, FINE_DOT);
                        }
                    }
                }
            }
        }
        return image;
    }

    private static void dot(byte[] pixels, int x0, int y0, int size) {
        for (int y = y0; y < y0 + size && y < HEIGHT; y++) {
            for (int x = x0; x < x0 + size && x < WIDTH; x++) {
                pixels[y * WIDTH + x] = (byte) INK;
            }
        }
    }
}
