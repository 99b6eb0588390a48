package jp.certkiosk.api;

/**
 * Opens a session: the card's user-authentication certificate (DER) and its signature (RSA
 * PKCS#1 v1.5 over the SHA-256 DigestInfo of {@link AuthenticationPayload}).
 */
public record SessionRequest(String challengeId, String kioskId, byte[] certificate, byte[] signature) {}
