package jp.certkiosk.sim.endpoint;

import java.security.SecureRandom;

/**
 * Unguessable identifiers for challenges, sessions and issuances: 128 random bits as 32 lower-case
 * hex digits, so an id is always safe as a file or print-job name (base64url ids could start with
 * '-' or '_', which a print-job name may not).
 */
public final class RandomIds {
    private final SecureRandom random;

    public RandomIds(SecureRandom random) {
        this.random = random;
    }

    public String next() {
        return java.util.HexFormat.of().formatHex(bytes(16));
    }

    public byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
