package jp.certkiosk.card.apdu;

import java.util.Arrays;
import java.util.Objects;

/**
 * A command APDU as defined by ISO/IEC 7816-4, short form only.
 *
 * <p>The four cases are expressed by the presence of data and of an expected length:
 * case 1 has neither, case 2 only {@code ne}, case 3 only data, case 4 both.
 *
 * <p><b>The data array is not copied</b>, neither on construction nor by {@link #data()}:
 * a command that carries a PIN shares the caller's array so that {@link #wipe()} (or the
 * caller) can zero it after transmission. Treat the array as owned by whoever built the
 * command. {@code equals} and {@code hashCode} compare the contents of the data.
 *
 * <p>{@link #toString()} never shows the data of commands that carry reference data
 * (VERIFY {@code 20}/{@code 21}, CHANGE REFERENCE DATA {@code 24}, RESET RETRY COUNTER
 * {@code 2C}); only the header and the data length.
 *
 * @param cla  class byte, 0..255
 * @param ins  instruction byte, 0..255
 * @param p1   parameter 1, 0..255
 * @param p2   parameter 2, 0..255
 * @param data command data (Lc = its length, at most 255); {@code null} means none
 * @param ne   expected response length: {@code -1} for no Le field, 1..256 otherwise
 *             (256 is encoded as the Le byte {@code 00})
 */
public record CommandApdu(int cla, int ins, int p1, int p2, byte[] data, int ne) {

    /** Value of {@code ne} meaning "no Le field". */
    public static final int NO_LE = -1;
    /** Largest Lc of a short APDU. */
    public static final int MAX_LC = 255;
    /** Largest Ne of a short APDU (Le byte {@code 00}). */
    public static final int MAX_NE = 256;

    public CommandApdu {
        checkByte("cla", cla);
        checkByte("ins", ins);
        checkByte("p1", p1);
        checkByte("p2", p2);
        if (data == null) {
            data = new byte[0];
        }
        if (data.length > MAX_LC) {
            throw new IllegalArgumentException("command data too long for a short APDU: " + data.length);
        }
        if (ne != NO_LE && (ne < 1 || ne > MAX_NE)) {
            throw new IllegalArgumentException("ne must be -1 or 1..256: " + ne);
        }
    }

    /** Case 1: header only. */
    public CommandApdu(int cla, int ins, int p1, int p2) {
        this(cla, ins, p1, p2, null, NO_LE);
    }

    /** Case 3: header and data, no Le. The array is not copied. */
    public CommandApdu(int cla, int ins, int p1, int p2, byte[] data) {
        this(cla, ins, p1, p2, data, NO_LE);
    }

    /** Case 2: header and Le, no data. */
    public CommandApdu(int cla, int ins, int p1, int p2, int ne) {
        this(cla, ins, p1, p2, null, ne);
    }

    /** Number of command data bytes (Nc, the value of Lc). */
    public int nc() {
        return data.length;
    }

    /** The command bytes to send: header, then {@code Lc data} if any, then {@code Le} if any. */
    public byte[] encode() {
        int length = 4 + (data.length > 0 ? 1 + data.length : 0) + (ne != NO_LE ? 1 : 0);
        byte[] out = new byte[length];
        out[0] = (byte) cla;
        out[1] = (byte) ins;
        out[2] = (byte) p1;
        out[3] = (byte) p2;
        int i = 4;
        if (data.length > 0) {
            out[i++] = (byte) data.length;
            System.arraycopy(data, 0, out, i, data.length);
            i += data.length;
        }
        if (ne != NO_LE) {
            out[i] = (byte) (ne == MAX_NE ? 0 : ne);
        }
        return out;
    }

    /**
     * Parses short-form command bytes (as received by a card). The data is copied out of
     * {@code raw}; the caller stays responsible for wiping {@code raw}.
     *
     * @throws IllegalArgumentException if the bytes are not a short-form APDU (too short,
     *                                  inconsistent Lc, or extended length)
     */
    public static CommandApdu decode(byte[] raw) {
        Objects.requireNonNull(raw, "raw");
        if (raw.length < 4) {
            throw new IllegalArgumentException("command APDU shorter than a header: " + raw.length + " bytes");
        }
        int cla = raw[0] & 0xFF;
        int ins = raw[1] & 0xFF;
        int p1 = raw[2] & 0xFF;
        int p2 = raw[3] & 0xFF;
        if (raw.length == 4) {
            return new CommandApdu(cla, ins, p1, p2);
        }
        int b4 = raw[4] & 0xFF;
        if (raw.length == 5) {
            return new CommandApdu(cla, ins, p1, p2, b4 == 0 ? MAX_NE : b4);
        }
        if (b4 == 0) {
            throw new IllegalArgumentException("extended-length APDUs are not supported");
        }
        byte[] data;
        int ne;
        if (raw.length == 5 + b4) {
            ne = NO_LE;
        } else if (raw.length == 6 + b4) {
            int le = raw[raw.length - 1] & 0xFF;
            ne = le == 0 ? MAX_NE : le;
        } else {
            throw new IllegalArgumentException(
                    "Lc " + b4 + " does not match a command of " + raw.length + " bytes");
        }
        data = Arrays.copyOfRange(raw, 5, 5 + b4);
        return new CommandApdu(cla, ins, p1, p2, data, ne);
    }

    /** Overwrites the data array with zeros (for commands carrying a PIN). */
    public void wipe() {
        Arrays.fill(data, (byte) 0);
    }

    /** Whether this command carries reference data (a PIN) whose bytes must never be shown. */
    public boolean carriesReferenceData() {
        return ins == 0x20 || ins == 0x21 || ins == 0x24 || ins == 0x2C;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CommandApdu c
                && cla == c.cla && ins == c.ins && p1 == c.p1 && p2 == c.p2 && ne == c.ne
                && Arrays.equals(data, c.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cla, ins, p1, p2, ne) * 31 + Arrays.hashCode(data);
    }

    /** Header, data length, data (except for PIN-carrying commands) and Ne; see the class notes. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("CommandApdu[")
                .append(Hex.toHex(new byte[] {(byte) cla, (byte) ins, (byte) p1, (byte) p2}));
        if (data.length > 0) {
            out.append(", Lc=").append(data.length);
            if (carriesReferenceData()) {
                out.append(", data=<redacted>");
            } else {
                out.append(", data=").append(Hex.toHex(data));
            }
        }
        if (ne != NO_LE) {
            out.append(", Ne=").append(ne);
        }
        return out.append(']').toString();
    }

    private static void checkByte(String name, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " must be 0..255: " + value);
        }
    }
}
