package jp.certkiosk.sim;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A virtual My Number Card as the test PKI personalised it: its user-authentication key,
 * certificate and issuing CA certificate, and the 4-digit PIN that guards the key. The demo
 * builds virtual cards from these; tests sign challenges with {@link #authKey} directly.
 *
 * @param profile the card's role in tests and demos: adult, spouse, foreign, single, expired,
 *     not-yet-valid, unknown-issuer, unregistered, restricted
 */
public record IssuedCard(String profile, String pin, PrivateKey authKey, X509Certificate authCertificate,
                         X509Certificate authCaCertificate) {
    @Override
    public String toString() {
        return "IssuedCard[" + profile + "]";
    }
}
