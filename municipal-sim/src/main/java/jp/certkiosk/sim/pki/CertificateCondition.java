package jp.certkiosk.sim.pki;

/**
 * The state a virtual card's user-authentication certificate is personalised in, so that the
 * endpoint's checks can be exercised: a good certificate, one past its notAfter, one before its
 * notBefore, one signed by a CA that is not the user-authentication CA (a forged card), and two
 * good certificates that the OCSP responder reports as suspended (the card was reported lost:
 * certificateHold) and as revoked.
 */
public enum CertificateCondition {
    VALID,
    EXPIRED,
    NOT_YET_VALID,
    UNKNOWN_ISSUER,
    SUSPENDED,
    REVOKED
}
