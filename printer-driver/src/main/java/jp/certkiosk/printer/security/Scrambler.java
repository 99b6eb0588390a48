package jp.certkiosk.printer.security;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Scrambles an image of a front page for its back, and undoes it. The image is cut into blocks
 * of {@link #BLOCK} pixels; the blocks are shuffled and some inverted, both chosen by a stream of
 * HMAC-SHA256 of the issuance's print key over (issuance id, page, counter). Without the key the
 * back is noise; with it a verifier recovers the front from a scan of the back.
 */
public final class Scrambler {
    public static final int BLOCK = 8;
    public static final int COLUMNS = 84;
    public static final int ROWS = 119;
    public static final int WIDTH = COLUMNS * BLOCK;
    public static final int HEIGHT = ROWS * BLOCK;

    private final int[] destinationOf;
    private final boolean[] inverted;

    public Scrambler(byte[] printKey, String issuanceId, int pageIndex) {
        if (printKey == null || printKey.length < 16) {
            throw new IllegalArgumentException("a print key has at least 16 bytes");
        }
        int blocks = COLUMNS * ROWS;
        KeyStream stream = new KeyStream(printKey, issuanceId, pageIndex);
        destinationOf = new int[blocks];
        for (int i = 0; i < blocks; i++) {
            destinationOf[i] = i;
        }
        for (int i = blocks - 1; i > 0; i--) {
            int j = stream.below(i + 1);
            int t = destinationOf[i];
            destinationOf[i] = destinationOf[j];
            destinationOf[j] = t;
        }
        inverted = new boolean[blocks];
        for (int i = 0; i < blocks; i++) {
            inverted[i] = stream.below(2) == 1;
        }
    }

    /** Where block {@code frontBlock} (row-major) of the front lies on the back. */
    public int backPositionOf(int frontBlock) {
        return destinationOf[frontBlock];
    }

    /** {@code front} must be {@link #WIDTH} x {@link #HEIGHT} grey. */
    public BufferedImage scramble(BufferedImage front) {
        return move(front, false);
    }

    public BufferedImage descramble(BufferedImage back) {
        return move(back, true);
    }

    private BufferedImage move(BufferedImage source, boolean undo) {
        if (source.getWidth() != WIDTH || source.getHeight() != HEIGHT) {
            throw new IllegalArgumentException("the image must be " + WIDTH + " x " + HEIGHT);
        }
        BufferedImage target = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        int[] block = new int[BLOCK * BLOCK];
        for (int i = 0; i < destinationOf.length; i++) {
            int from = undo ? destinationOf[i] : i;
            int to = undo ? i : destinationOf[i];
            source.getRaster().getSamples((from % COLUMNS) * BLOCK, (from / COLUMNS) * BLOCK, BLOCK, BLOCK, 0, block);
            if (inverted[i]) {
                for (int k = 0; k < block.length; k++) {
                    block[k] = 255 - block[k];
                }
            }
            target.getRaster().setSamples((to % COLUMNS) * BLOCK, (to / COLUMNS) * BLOCK, BLOCK, BLOCK, 0, block);
        }
        return target;
    }

    /** Uniform numbers from HMAC-SHA256(key, issuance | page | counter). */
    private static final class KeyStream {
        private final Mac mac;
        private final byte[] label;
        private long counter;
        private ByteBuffer buffer = ByteBuffer.allocate(0);

        KeyStream(byte[] key, String issuanceId, int page) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
            label = ("certkiosk-scramble|" + issuanceId + "|" + page + "|").getBytes(StandardCharsets.UTF_8);
        }

        int below(int bound) {
            long limit = (0x1_0000_0000L / bound) * bound;
            while (true) {
                long value = nextInt() & 0xffff_ffffL;
                if (value < limit) {
                    return (int) (value % bound);
                }
            }
        }

        private int nextInt() {
            if (buffer.remaining() < 4) {
                mac.update(label);
                mac.update(ByteBuffer.allocate(8).putLong(counter++).array());
                buffer = ByteBuffer.wrap(mac.doFinal());
            }
            return buffer.getInt();
        }
    }
}
