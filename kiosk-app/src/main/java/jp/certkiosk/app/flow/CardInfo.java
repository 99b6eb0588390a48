package jp.certkiosk.app.flow;

import java.time.Instant;

/**
 * What the kiosk learned from the card before the PIN: its user-authentication certificate (DER),
 * that certificate's SHA-256, and its validity. The certificate names no one.
 */
public record CardInfo(byte[] certificate, String certificateSha256, Instant notBefore, Instant notAfter) {}
