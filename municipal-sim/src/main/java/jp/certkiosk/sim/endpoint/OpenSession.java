package jp.certkiosk.sim.endpoint;

import java.time.Instant;

/**
 * An authenticated session as the endpoint keeps it: the kiosk it was opened at, the card
 * certificate that authenticated it, the resident that card belongs to, and when it ends.
 */
public record OpenSession(String sessionId, String kioskId, String certificateSha256, String residentId,
                          String municipalityCode, Instant expiresAt) {}
