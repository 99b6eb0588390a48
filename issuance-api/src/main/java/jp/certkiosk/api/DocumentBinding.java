package jp.certkiosk.api;

/**
 * Names the request a document belongs to: the issuance, the session and the SHA-256 of the
 * card's user-authentication certificate (DER), in lower-case hex.
 */
public record DocumentBinding(String issuanceId, String sessionId, String certificateSha256) {}
