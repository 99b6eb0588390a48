package jp.certkiosk.api;

import java.time.Instant;

/**
 * An authenticated session. The resident is resolved by the endpoint from the certificate; the
 * kiosk learns only what it needs to show the menu, never the record itself.
 */
public record Session(String sessionId, Instant expiresAt, Menu menu) {}
