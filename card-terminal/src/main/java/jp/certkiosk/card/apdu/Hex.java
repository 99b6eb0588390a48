package jp.certkiosk.card.apdu;

import java.util.Objects;

/**
 * Hexadecimal rendering of card bytes, in the notation card specifications use
 * ({@code "00 A4 04 0C"}).
 */
public final class Hex {

    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private Hex() {
    }

    /**
     * Renders bytes as upper-case hex pairs separated by single spaces, e.g. {@code "90 00"};
     * the empty array gives the empty string.
     */
    public static String toHex(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return toHex(bytes, 0, bytes.length);
    }

    /** Renders {@code length} bytes from {@code offset} like {@link #toHex(byte[])}. */
    public static String toHex(byte[] bytes, int offset, int length) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder(length * 3 - 1);
        for (int i = offset; i < offset + length; i++) {
            if (i > offset) {
                out.append(' ');
            }
            out.append(DIGITS[(bytes[i] >> 4) & 0x0F]).append(DIGITS[bytes[i] & 0x0F]);
        }
        return out.toString();
    }

    /** Renders a status word as four upper-case hex digits, e.g. {@code "63C1"}. */
    public static String sw(int sw) {
        return String.format("%04X", sw & 0xFFFF);
    }

    /**
     * Parses hex digits (either case); whitespace anywhere is ignored, so
     * {@code "00 A4 04 0C"} and {@code "00a4040c"} give the same bytes.
     *
     * @throws IllegalArgumentException on a non-hex character or an odd number of digits
     */
    public static byte[] fromHex(CharSequence hex) {
        Objects.requireNonNull(hex, "hex");
        byte[] buffer = new byte[hex.length() / 2 + 1];
        int count = 0;
        int high = -1;
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            int value = Character.digit(c, 16);
            if (value < 0) {
                throw new IllegalArgumentException("not a hex digit at index " + i + ": '" + c + "'");
            }
            if (high < 0) {
                high = value;
            } else {
                buffer[count++] = (byte) ((high << 4) | value);
                high = -1;
            }
        }
        if (high >= 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        byte[] out = new byte[count];
        System.arraycopy(buffer, 0, out, 0, count);
        return out;
    }
}
