package jp.certkiosk.sim.registry;

import java.util.Objects;
import java.util.Optional;
import jp.certkiosk.sim.pki.CardSpec;
import jp.certkiosk.sim.pki.CertificateCondition;

/**
 * A virtual My Number Card of the seed data: its profile name, the 4-digit PIN of its
 * user-authentication certificate, the condition its certificate is personalised in, and the
 * resident the registry links it to (none for a card no municipality knows).
 */
public record SeedCard(String profile, String pin, CertificateCondition condition, Optional<String> residentId) {
    public SeedCard {
        Objects.requireNonNull(profile, "profile");
        if (pin == null || !pin.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("a user-authentication PIN is 4 digits");
        }
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(residentId, "residentId");
    }

    public CardSpec spec() {
        return new CardSpec(profile, condition);
    }
}
