package jp.certkiosk.sim.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A private key with its certificate chain, leaf first, as kept in one PKCS12 entry. */
record KeyEntry(PrivateKey key, List<X509Certificate> chain) {
    KeyEntry {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a key entry needs its certificate");
        }
    }

    X509Certificate certificate() {
        return chain.get(0);
    }
}
