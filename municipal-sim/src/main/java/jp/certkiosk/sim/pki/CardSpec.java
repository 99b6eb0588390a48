package jp.certkiosk.sim.pki;

import java.util.Objects;

/** What the test PKI must personalise for one virtual My Number Card: its profile name and condition. */
public record CardSpec(String profile, CertificateCondition condition) {
    public CardSpec {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(condition, "condition");
    }
}
