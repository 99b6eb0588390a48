package jp.certkiosk.sim.pki;

import java.time.Instant;

/** The notBefore / notAfter window of a certificate to issue. */
record Validity(Instant notBefore, Instant notAfter) {
    Validity {
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter must follow notBefore");
        }
    }
}
