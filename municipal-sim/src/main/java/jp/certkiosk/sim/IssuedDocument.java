package jp.certkiosk.sim;

import java.nio.file.Path;
import java.util.Optional;
import jp.certkiosk.sim.registry.IssuanceLedger;
import jp.certkiosk.sim.registry.RegistryDatabase;

/**
 * An issuance as the municipality keeps it, for a verifier: the PDF it issued, the key that
 * scrambled the backs of its sheets, and how the issuance ended (RESERVED, PRINTED or FAILED).
 */
public record IssuedDocument(String issuanceId, byte[] pdf, byte[] printKey, String status, int feeYen) {
    /** Reads one issuance from a simulator's data directory (the {@code sim} folder of the demo's data). */
    public static Optional<IssuedDocument> read(Path simulatorDataDir, String issuanceId) {
        try (RegistryDatabase database = RegistryDatabase.open(simulatorDataDir.resolve("registry"))) {
            return new IssuanceLedger(database).byId(issuanceId).map(record -> new IssuedDocument(
                    record.issuanceId(), record.pdf(), record.printKey(), record.status().name(), record.feeYen()));
        }
    }
}
