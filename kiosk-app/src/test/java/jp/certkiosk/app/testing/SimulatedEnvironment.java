package jp.certkiosk.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.certkiosk.app.assembly.Kiosk;
import jp.certkiosk.app.assembly.KioskAssembly;
import jp.certkiosk.app.card.VirtualCard;
import jp.certkiosk.app.card.VirtualCardSlot;
import jp.certkiosk.app.endpoint.DocumentVerifier;
import jp.certkiosk.app.endpoint.JerseyIssuanceEndpoint;
import jp.certkiosk.app.flow.CardService;
import jp.certkiosk.app.flow.Flow;
import jp.certkiosk.app.flow.KioskEngine;
import jp.certkiosk.app.journal.H2Journal;
import jp.certkiosk.app.journal.Journal;
import jp.certkiosk.app.payment.SimulatedPaymentDevice;
import jp.certkiosk.app.staff.StaffPin;
import jp.certkiosk.config.KioskConfig;
import jp.certkiosk.config.KioskConfigLoader;
import jp.certkiosk.config.PrinterConfig;
import jp.certkiosk.printer.Printer;
import jp.certkiosk.sim.KioskConfigFiles;
import jp.certkiosk.sim.MunicipalSimulator;
import jp.certkiosk.sim.SimulatorOptions;

/**
 * The kiosk's surroundings for the tests: the municipal simulator in this process, the DEMO
 * configuration file it writes for its kiosk (virtual reader over card-profile files, simulated
 * acceptor, the staff PIN {@value #STAFF_PIN}), and the kiosk built from that file by the
 * composition root, as every entry point builds it.
 */
public final class SimulatedEnvironment implements AutoCloseable {
    /** The staff PIN whose hash the tests' configuration names. */
    public static final String STAFF_PIN = "135790";
    /** Change the simulated hopper starts with. */
    public static final int HOPPER_YEN = 5000;

    private final MunicipalSimulator simulator;
    private final Kiosk kiosk;
    private final Path configFile;

    private SimulatedEnvironment(MunicipalSimulator simulator, Kiosk kiosk, Path configFile) {
        this.simulator = simulator;
        this.kiosk = kiosk;
        this.configFile = configFile;
    }

    public static SimulatedEnvironment start(Path dataDir, Path outDir, Clock clock) {
        return start(dataDir, new PrinterConfig(PrinterConfig.Kind.FILE, outDir), clock, false, null);
    }

    /** The staff console's restart runs {@code restart} instead of ending the process. */
    public static SimulatedEnvironment start(Path dataDir, Path outDir, Clock clock, Runnable restart) {
        return start(dataDir, new PrinterConfig(PrinterConfig.Kind.FILE, outDir), clock, false, null, restart);
    }

    /** With {@code serviceHours} the simulated municipalities keep their hours at {@code clock}. */
    public static SimulatedEnvironment start(Path dataDir, Path outDir, Clock clock, boolean serviceHours) {
        return start(dataDir, new PrinterConfig(PrinterConfig.Kind.FILE, outDir), clock, serviceHours, null);
    }

    public static SimulatedEnvironment start(Path dataDir, PrinterConfig printer, Clock clock) {
        return start(dataDir, printer, clock, false, null);
    }

    /** The kiosk reads cards from the PC/SC reader {@code pcscReader}; its card watcher feeds the engine. */
    public static SimulatedEnvironment startOnPcsc(Path dataDir, PrinterConfig printer, Clock clock, String pcscReader) {
        return start(dataDir, printer, clock, false, pcscReader);
    }

    private static SimulatedEnvironment start(Path dataDir, PrinterConfig printer, Clock clock, boolean serviceHours,
                                              String pcscReader) {
        return start(dataDir, printer, clock, serviceHours, pcscReader, () -> {
            throw new IllegalStateException("a test asked the kiosk to restart without saying what that does");
        });
    }

    private static SimulatedEnvironment start(Path dataDir, PrinterConfig printer, Clock clock, boolean serviceHours,
                                              String pcscReader, Runnable restart) {
        MunicipalSimulator simulator = MunicipalSimulator.start(
                new SimulatorOptions(dataDir.resolve("sim"), "127.0.0.1", 0, clock, serviceHours));
        try {
            Path file = writeConfig(simulator, MunicipalSimulator.DEMO_KIOSK_ID, dataDir, printer, pcscReader);
            return new SimulatedEnvironment(simulator, KioskAssembly.build(KioskConfigLoader.load(file), clock, restart), file);
        } catch (IOException e) {
            simulator.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    /** The simulator's configuration file for {@code kioskId}, with the tests' cards, printer, journal and staff PIN. */
    public static Path writeConfig(MunicipalSimulator simulator, String kioskId, Path dataDir, PrinterConfig printer,
                                   String pcscReader) throws IOException {
        Path dir = dataDir.resolve("kiosks").resolve(kioskId);
        VirtualCard.writeAll(dir.resolve("cards"), simulator.cards().stream().map(c -> new VirtualCard(c.profile(),
                "test card " + c.profile(), c.pin(), c.authKey(), c.authCertificate(), c.authCaCertificate())).toList());
        Path staffPin = dataDir.resolve("staff-pin");
        if (!Files.exists(staffPin)) {
            Files.createDirectories(dataDir);
            char[] pin = STAFF_PIN.toCharArray();
            StaffPin.store(staffPin, pin);
            Arrays.fill(pin, '\0');
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (pcscReader == null) {
            settings.put("reader.kind", "VIRTUAL");
            settings.put("reader.virtualCards", "cards");
        } else {
            settings.put("reader.kind", "PCSC");
            settings.put("reader.name", pcscReader);
        }
        settings.put("printer.kind", printer.kind().name());
        if (printer.kind() == PrinterConfig.Kind.IPP) {
            settings.put("printer.outputDirectory", null);
            settings.put("printer.uri", printer.uri().toString());
        } else {
            settings.put("printer.outputDirectory", printer.outputDirectory().toAbsolutePath().toString());
        }
        settings.put("payment.simulatedHopperYen", Integer.toString(HOPPER_YEN));
        settings.put("journal.directory", dataDir.resolve("journal").toAbsolutePath().toString());
        settings.put("staff.pinHashFile", staffPin.toAbsolutePath().toString());
        return KioskConfigFiles.write(simulator, kioskId, dir, settings);
    }

    /** Another kiosk of the same simulator: its own id and TLS identity, card slot, printer and journal. */
    public record AnotherKiosk(String kioskId, KioskEngine engine, VirtualCardSlot slot,
                               JerseyIssuanceEndpoint endpoint, SimulatedPaymentDevice payment) implements AutoCloseable {
        @Override
        public void close() {
            endpoint.close();
        }
    }

    /**
     * Another kiosk against this simulator (many kiosks, one endpoint) with the given printer and an
     * in-memory journal: the engine wired here by hand, since the root always opens an H2 journal.
     */
    public AnotherKiosk anotherKiosk(String kioskId, Printer printer, Journal kioskJournal, Clock clock) {
        try {
            Path file = writeConfig(simulator, kioskId, configFile.getParent().getParent().getParent(),
                    config().printer(), null);
            KioskConfig kiosk = KioskConfigLoader.load(file);
            VirtualCardSlot kioskSlot = new VirtualCardSlot(VirtualCard.readAll(kiosk.reader().virtualCards()));
            JerseyIssuanceEndpoint kioskEndpoint = new JerseyIssuanceEndpoint(kiosk.endpoint());
            DocumentVerifier verifier = new DocumentVerifier(
                    DocumentVerifier.readAnchor(kiosk.endpoint().documentSigningAnchor()), kioskId, clock);
            SimulatedPaymentDevice kioskPayment = new SimulatedPaymentDevice(HOPPER_YEN);
            KioskEngine kioskEngine = new KioskEngine(new Flow(clock), kioskId, new CardService(kioskSlot), kioskEndpoint,
                    printer, kioskJournal, verifier, kioskPayment);
            return new AnotherKiosk(kioskId, kioskEngine, kioskSlot, kioskEndpoint, kioskPayment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Kiosk kiosk() {
        return kiosk;
    }

    public Path configFile() {
        return configFile;
    }

    public KioskConfig config() {
        return kiosk.config();
    }

    public KioskEngine engine() {
        return kiosk.engine();
    }

    public H2Journal journal() {
        return kiosk.journal();
    }

    public VirtualCardSlot slot() {
        return kiosk.virtualReader().orElseThrow(() -> new IllegalStateException("this kiosk reads a PC/SC reader"));
    }

    public SimulatedPaymentDevice payment() {
        return kiosk.simulatedPayment().orElseThrow();
    }

    public Printer printer() {
        return kiosk.printer();
    }

    public JerseyIssuanceEndpoint endpoint() {
        return kiosk.endpoint();
    }

    public Clock clock() {
        return kiosk.clock();
    }

    public MunicipalSimulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        kiosk.close();
        simulator.close();
    }
}
