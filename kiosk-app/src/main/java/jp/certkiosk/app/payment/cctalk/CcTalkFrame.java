package jp.certkiosk.app.payment.cctalk;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One ccTalk message: {@code [destination] [data length] [source] [header] [data…] [checksum]},
 * where the checksum makes the sum of all bytes 0 modulo 256. The kiosk (host) is address 1; a
 * reply carries header 0 (ACK) and the answer's data, 5 is NAK, 6 is BUSY.
 */
public record CcTalkFrame(int destination, int source, int header, byte[] data) {
    public static final int HOST = 1;
    public static final int ACK = 0;
    public static final int NAK = 5;
    public static final int BUSY = 6;
    /** Destination, length, source, header and checksum around the data. */
    public static final int OVERHEAD = 5;

    /** Thrown by {@link #decode} for bytes that are no ccTalk frame; the only exception it throws. */
    public static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    public CcTalkFrame {
        for (int b : new int[] {destination, source, header}) {
            if (b < 0 || b > 255) {
                throw new IllegalArgumentException("a ccTalk address or header is one byte, not " + b);
            }
        }
        data = data == null ? new byte[0] : data.clone();
        if (data.length > 255) {
            throw new IllegalArgumentException("a ccTalk frame carries at most 255 data bytes, not " + data.length);
        }
    }

    /** A command from the kiosk to {@code address}. */
    public static CcTalkFrame command(int address, int header, byte... data) {
        return new CcTalkFrame(address, HOST, header, data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public byte[] encode() {
        byte[] bytes = new byte[data.length + OVERHEAD];
        bytes[0] = (byte) destination;
        bytes[1] = (byte) data.length;
        bytes[2] = (byte) source;
        bytes[3] = (byte) header;
        System.arraycopy(data, 0, bytes, 4, data.length);
        bytes[bytes.length - 1] = (byte) (-sum(bytes, bytes.length - 1));
        return bytes;
    }

    /** Reads exactly one frame: the length byte must match, and the checksum must add up. */
    public static CcTalkFrame decode(byte[] bytes) throws Malformed {
        if (bytes == null || bytes.length < OVERHEAD) {
            throw new Malformed("a ccTalk frame has at least " + OVERHEAD + " bytes, not "
                    + (bytes == null ? 0 : bytes.length));
        }
        int length = bytes[1] & 0xFF;
        if (bytes.length != length + OVERHEAD) {
            throw new Malformed("the length byte says " + length + " data bytes, the frame has "
                    + (bytes.length - OVERHEAD));
        }
        if ((sum(bytes, bytes.length) & 0xFF) != 0) {
            throw new Malformed("checksum error in " + HexFormat.ofDelimiter(" ").formatHex(bytes));
        }
        return new CcTalkFrame(bytes[0] & 0xFF, bytes[2] & 0xFF, bytes[3] & 0xFF, Arrays.copyOfRange(bytes, 4, 4 + length));
    }

    private static int sum(byte[] bytes, int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += bytes[i] & 0xFF;
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CcTalkFrame f && f.destination == destination && f.source == source && f.header == header
                && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return ((destination * 31 + source) * 31 + header) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return HexFormat.ofDelimiter(" ").formatHex(encode());
    }
}
