package jp.certkiosk.api;

import java.time.Instant;

/** A single-use challenge: the card signs {@link AuthenticationPayload#digest} over it before it expires. */
public record Challenge(String challengeId, byte[] nonce, Instant expiresAt) {}
