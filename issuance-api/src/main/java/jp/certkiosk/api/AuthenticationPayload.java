package jp.certkiosk.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What the card signs to open a session: the challenge, its nonce and the kiosk's identity, so a
 * signature made for one kiosk or challenge is worthless for another. Both sides compute it here.
 */
public final class AuthenticationPayload {
    private static final String DOMAIN = "certkiosk-auth-v1";

    /** The DER prefix of a SHA-256 DigestInfo (RFC 8017, 9.2 note 1). */
    private static final byte[] SHA256_DIGEST_INFO_PREFIX = {
        0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01,
        0x05, 0x00, 0x04, 0x20
    };

    private AuthenticationPayload() {}

    public static byte[] bytes(String challengeId, byte[] nonce, String kioskId) {
        String text = DOMAIN + "\n" + challengeId + "\n" + Base64.getEncoder().encodeToString(nonce) + "\n" + kioskId;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] digest(String challengeId, byte[] nonce, String kioskId) {
        return sha256(bytes(challengeId, nonce, kioskId));
    }

    /** The DER DigestInfo the card signs: RSA PKCS#1 v1.5 padding is added by the card. */
    public static byte[] digestInfo(String challengeId, byte[] nonce, String kioskId) {
        byte[] digest = digest(challengeId, nonce, kioskId);
        byte[] out = new byte[SHA256_DIGEST_INFO_PREFIX.length + digest.length];
        System.arraycopy(SHA256_DIGEST_INFO_PREFIX, 0, out, 0, SHA256_DIGEST_INFO_PREFIX.length);
        System.arraycopy(digest, 0, out, SHA256_DIGEST_INFO_PREFIX.length, digest.length);
        return out;
    }

    /** Lower-case hex SHA-256, as used in {@link DocumentBinding#certificateSha256}. */
    public static String sha256Hex(byte[] data) {
        StringBuilder sb = new StringBuilder(64);
        for (byte b : sha256(data)) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
