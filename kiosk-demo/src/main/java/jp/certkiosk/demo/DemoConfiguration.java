package jp.certkiosk.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.certkiosk.app.card.VirtualCard;
import jp.certkiosk.app.staff.StaffPin;
import jp.certkiosk.config.PrinterConfig;
import jp.certkiosk.sim.IssuedCard;
import jp.certkiosk.sim.KioskConfigFiles;
import jp.certkiosk.sim.SimulatedEndpoint;

/**
 * Writes DEMO configuration files for kiosks of a running simulator: the simulator's own
 * {@code kiosk.properties} ({@link KioskConfigFiles}), plus what only the demo adds: the virtual
 * cards as card-profile files (so the kiosk's in-process reader needs no simulator class) and the
 * demo's staff PIN hash ({@value #DEMO_STAFF_PIN}; a store's kiosk is provisioned with its own).
 */
public final class DemoConfiguration {
    /** The staff PIN of the demo only. */
    public static final String DEMO_STAFF_PIN = "135790";

    private DemoConfiguration() {}

    /** Where the card sits: the in-process virtual reader, or a PC/SC reader by name (blank: the first). */
    public sealed interface Reader {
        record Virtual() implements Reader {}

        record Pcsc(String name) implements Reader {}
    }

    /**
     * Writes {@code dir/kiosk.properties} for {@code kioskId}, with the card profiles in {@code dir/cards},
     * the staff PIN hash in {@code staffPinFile} (created if missing), the journal in {@code journalDir}.
     */
    public static Path write(SimulatedEndpoint simulator, String kioskId, Path dir, Reader reader, PrinterConfig printer,
                             Path journalDir, Path staffPinFile) {
        try {
            Path cards = dir.resolve("cards");
            VirtualCard.writeAll(cards, virtualCards(simulator.cards()));
            if (!Files.exists(staffPinFile)) {
                char[] pin = DEMO_STAFF_PIN.toCharArray();
                StaffPin.store(staffPinFile, pin);
                Arrays.fill(pin, '\0');
            }
            Map<String, String> settings = new LinkedHashMap<>();
            if (reader instanceof Reader.Pcsc pcsc) {
                settings.put("reader.kind", "PCSC");
                settings.put("reader.name", pcsc.name() == null ? "" : pcsc.name());
            } else {
                settings.put("reader.kind", "VIRTUAL");
                settings.put("reader.virtualCards", "cards");
            }
            settings.put("printer.kind", printer.kind().name());
            if (printer.kind() == PrinterConfig.Kind.IPP) {
                settings.put("printer.outputDirectory", null);
                settings.put("printer.uri", printer.uri().toString());
            } else {
                settings.put("printer.outputDirectory", printer.outputDirectory().toAbsolutePath().toString());
            }
            settings.put("journal.directory", journalDir.toAbsolutePath().toString());
            settings.put("staff.pinHashFile", staffPinFile.toAbsolutePath().toString());
            return KioskConfigFiles.write(simulator, kioskId, dir, settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo configuration into " + dir, e);
        }
    }

    /** The simulator's cards as card profiles. */
    static List<VirtualCard> virtualCards(List<IssuedCard> cards) {
        return cards.stream().map(c -> new VirtualCard(c.profile(), "card '" + c.profile() + "' of the simulator's test PKI",
                c.pin(), c.authKey(), c.authCertificate(), c.authCaCertificate())).toList();
    }
}
