package jp.certkiosk.sim.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * The user-authentication key pair of one virtual card as the test PKI personalised it: the
 * private key (on a real card it never leaves the chip), the certificate (EF 000A) and the CA
 * certificate that issued it (EF 000B).
 */
public record CardKey(String profile, PrivateKey privateKey, X509Certificate certificate, X509Certificate issuer) {}
