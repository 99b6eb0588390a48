package jp.certkiosk.card.apdu;

import java.util.Arrays;
import java.util.Objects;

/**
 * A response APDU: the card's response data followed by the status word SW1-SW2.
 *
 * <p>Like {@link CommandApdu}, the data array is not copied; {@code equals} and
 * {@code hashCode} compare its contents.
 *
 * @param data response data, possibly empty; {@code null} means empty
 * @param sw   status word, 0..0xFFFF (e.g. {@code 0x9000})
 */
public record ResponseApdu(byte[] data, int sw) {

    /** Normal processing. */
    public static final int SW_SUCCESS = 0x9000;

    public ResponseApdu {
        if (data == null) {
            data = new byte[0];
        }
        if (sw < 0 || sw > 0xFFFF) {
            throw new IllegalArgumentException("status word must be 0..0xFFFF: " + sw);
        }
    }

    /** A response with a status word and no data. */
    public static ResponseApdu of(int sw) {
        return new ResponseApdu(null, sw);
    }

    /**
     * Splits raw response bytes into data and status word.
     *
     * @throws IllegalArgumentException if fewer than two bytes (no status word)
     */
    public static ResponseApdu decode(byte[] raw) {
        Objects.requireNonNull(raw, "raw");
        if (raw.length < 2) {
            throw new IllegalArgumentException("response APDU without a status word: " + raw.length + " bytes");
        }
        int n = raw.length - 2;
        return new ResponseApdu(Arrays.copyOf(raw, n), ((raw[n] & 0xFF) << 8) | (raw[n + 1] & 0xFF));
    }

    /** Data followed by SW1 SW2. */
    public byte[] encode() {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) sw1();
        out[data.length + 1] = (byte) sw2();
        return out;
    }

    public int sw1() {
        return (sw >> 8) & 0xFF;
    }

    public int sw2() {
        return sw & 0xFF;
    }

    /** Whether the status word is {@code 90 00}. */
    public boolean isSuccess() {
        return sw == SW_SUCCESS;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResponseApdu r && sw == r.sw && Arrays.equals(data, r.data);
    }

    @Override
    public int hashCode() {
        return sw * 31 + Arrays.hashCode(data);
    }

    /** Status word and data length (response data is not shown). */
    @Override
    public String toString() {
        return "ResponseApdu[sw=" + Hex.sw(sw) + ", " + data.length + " data bytes]";
    }
}
