package jp.certkiosk.sim.document;

import java.util.Map;
import java.util.Optional;

/**
 * What the register holds about residents beyond their record row: the address each lived at
 * before (前住所), and the text of each registered seal (印影), by resident id.
 */
public record RecordDetails(Map<String, String> previousAddresses, Map<String, String> sealImpressions,
                            RecordOptions options) {
    public RecordDetails {
        previousAddresses = Map.copyOf(previousAddresses);
        sealImpressions = Map.copyOf(sealImpressions);
    }

    public static RecordDetails none() {
        return new RecordDetails(Map.of(), Map.of(), RecordOptions.defaults());
    }

    Optional<String> previousAddress(String residentId) {
        return Optional.ofNullable(previousAddresses.get(residentId));
    }

    Optional<String> sealImpression(String residentId) {
        return Optional.ofNullable(sealImpressions.get(residentId));
    }
}
