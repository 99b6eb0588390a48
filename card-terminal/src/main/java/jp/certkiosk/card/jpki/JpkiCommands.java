package jp.certkiosk.card.jpki;

import java.util.Objects;
import jp.certkiosk.card.apdu.CommandApdu;

/**
 * Encoders for the command APDUs the kiosk sends to the JPKI application. Pure functions:
 * no I/O, no state.
 */
public final class JpkiCommands {

    /** Largest offset READ BINARY can address with P1 bit 8 clear (15 bits). */
    public static final int MAX_READ_OFFSET = 0x7FFF;

    /** Class and instruction bytes of the JPKI commands: the encoders here and the virtual card share them. */
    public static final int CLA_ISO = 0x00;
    public static final int CLA_PROPRIETARY = 0x80;
    public static final int INS_SELECT = 0xA4;
    public static final int INS_VERIFY = 0x20;
    public static final int INS_READ_BINARY = 0xB0;
    public static final int INS_SIGN = 0x2A;
    private static final int SELECT_BY_DF_NAME = 0x04;
    private static final int SELECT_EF_UNDER_DF = 0x02;
    private static final int SELECT_NO_RESPONSE_DATA = 0x0C;
    private static final int PIN_REFERENCE = 0x80;

    private JpkiCommands() {
    }

    /** {@code 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01}: select the JPKI AP by AID. */
    public static CommandApdu selectAp() {
        return new CommandApdu(CLA_ISO, INS_SELECT, SELECT_BY_DF_NAME, SELECT_NO_RESPONSE_DATA, JpkiFile.apAid());
    }

    /** {@code 00 A4 02 0C 02 <fid>} (no Le): select an EF of the JPKI AP. */
    public static CommandApdu selectEf(JpkiFile file) {
        Objects.requireNonNull(file, "file");
        return new CommandApdu(CLA_ISO, INS_SELECT, SELECT_EF_UNDER_DF, SELECT_NO_RESPONSE_DATA, file.fidBytes());
    }

    /**
     * {@code 00 20 00 80}: VERIFY without data, which asks the currently selected PIN EF for
     * its remaining tries without using one.
     */
    public static CommandApdu pinTriesLeft() {
        return new CommandApdu(CLA_ISO, INS_VERIFY, 0x00, PIN_REFERENCE);
    }

    /**
     * {@code 00 20 00 80 04 <4 ASCII digits>}: VERIFY the currently selected PIN EF.
     *
     * <p>The array is <b>not copied</b>: the returned command shares it, so wiping either
     * wipes both. The caller wipes it after transmission.
     *
     * @throws IllegalArgumentException unless exactly 4 ASCII digits (the message never
     *                                  contains the digits)
     */
    public static CommandApdu verifyPin(byte[] asciiDigits) {
        Objects.requireNonNull(asciiDigits, "asciiDigits");
        if (asciiDigits.length != JpkiCard.AUTH_PIN_LENGTH) {
            throw new IllegalArgumentException("PIN must be exactly " + JpkiCard.AUTH_PIN_LENGTH + " ASCII digits");
        }
        for (byte b : asciiDigits) {
            if (b < '0' || b > '9') {
                throw new IllegalArgumentException("PIN must be exactly " + JpkiCard.AUTH_PIN_LENGTH + " ASCII digits");
            }
        }
        return new CommandApdu(CLA_ISO, INS_VERIFY, 0x00, PIN_REFERENCE, asciiDigits);
    }

    /**
     * {@code 00 B0 <off hi> <off lo> <Le>}: read {@code length} bytes of the current EF.
     *
     * @param offset 0..{@value #MAX_READ_OFFSET}
     * @param length 1..256 (256 is sent as Le {@code 00})
     */
    public static CommandApdu readBinary(int offset, int length) {
        if (offset < 0 || offset > MAX_READ_OFFSET) {
            throw new IllegalArgumentException("READ BINARY offset must be 0..0x7FFF: " + offset);
        }
        if (length < 1 || length > CommandApdu.MAX_NE) {
            throw new IllegalArgumentException("READ BINARY length must be 1..256: " + length);
        }
        return new CommandApdu(CLA_ISO, INS_READ_BINARY, offset >> 8, offset & 0xFF, null, length);
    }

    /**
     * {@code 80 2A 00 80 <Lc> <DigestInfo> 00}: sign a DER DigestInfo with the currently
     * selected key EF; the card applies PKCS#1 v1.5 padding. The DigestInfo is copied.
     *
     * @throws IllegalArgumentException if the DigestInfo is empty or longer than 255 bytes
     */
    public static CommandApdu sign(byte[] digestInfo) {
        Objects.requireNonNull(digestInfo, "digestInfo");
        if (digestInfo.length == 0 || digestInfo.length > CommandApdu.MAX_LC) {
            throw new IllegalArgumentException("DigestInfo must be 1..255 bytes: " + digestInfo.length);
        }
        return new CommandApdu(CLA_PROPRIETARY, INS_SIGN, 0x00, PIN_REFERENCE, digestInfo.clone(), CommandApdu.MAX_NE);
    }
}
