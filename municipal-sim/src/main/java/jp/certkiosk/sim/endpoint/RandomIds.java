package jp.certkiosk.sim.endpoint;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers for challenges, sessions and issuances: 128 random bits, base64url. */
public final class RandomIds {
    private final SecureRandom random;

    public RandomIds(SecureRandom random) {
        this.random = random;
    }

    public String next() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(16));
    }

    public byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
