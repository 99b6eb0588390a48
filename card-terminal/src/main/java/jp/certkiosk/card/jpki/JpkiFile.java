package jp.certkiosk.card.jpki;

import java.util.Optional;

/**
 * The elementary files of the JPKI application on a My Number Card, by file id.
 *
 * <p>The kiosk uses only the user-authentication side (利用者証明用電子証明書): its certificate,
 * its CA certificate, its private key and its 4-digit PIN. The signing side is listed for
 * completeness; the kiosk never uses it.
 */
public enum JpkiFile {

    /** User-authentication certificate (DER); readable without a PIN. */
    AUTH_CERT(0x000A, "auth certificate"),
    /** CA certificate of the user-authentication certificate; readable without a PIN. */
    AUTH_CA(0x000B, "auth CA certificate"),
    /** User-authentication private key (RSA-2048); usable for signing after the auth PIN. */
    AUTH_KEY(0x0017, "auth key"),
    /** User-authentication PIN (4 digits, 3 tries). */
    AUTH_PIN(0x0018, "auth PIN"),
    /** Signing certificate; reading it needs the signing PIN. */
    SIGN_CERT(0x0001, "sign certificate"),
    /** CA certificate of the signing certificate. */
    SIGN_CA(0x0002, "sign CA certificate"),
    /** Signing private key. */
    SIGN_KEY(0x001A, "sign key"),
    /** Signing PIN (6-16 alphanumerics, 5 tries). */
    SIGN_PIN(0x001B, "sign PIN");

    /** Application identifier of the JPKI AP, in the notation of the specifications. */
    public static final String AP_AID_HEX = "D3 92 F0 00 26 01 00 00 00 01";

    private static final byte[] AP_AID = {
        (byte) 0xD3, (byte) 0x92, (byte) 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01
    };

    private final int fid;
    private final String label;

    JpkiFile(int fid, String label) {
        this.fid = fid;
        this.label = label;
    }

    /** The application identifier of the JPKI AP (a fresh copy). */
    public static byte[] apAid() {
        return AP_AID.clone();
    }

    /** The two-byte file id, e.g. {@code 0x000A}. */
    public int fid() {
        return fid;
    }

    /** The file id as the two bytes of a SELECT command (a fresh array). */
    public byte[] fidBytes() {
        return new byte[] {(byte) (fid >> 8), (byte) fid};
    }

    /** Short domain name used in step names and messages, e.g. {@code "auth PIN"}. */
    public String label() {
        return label;
    }

    /** The file with this id, if it is one of the JPKI files. */
    public static Optional<JpkiFile> byFid(int fid) {
        for (JpkiFile file : values()) {
            if (file.fid == fid) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }
}
