package jp.certkiosk.app.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import jp.certkiosk.app.card.CardService;
import jp.certkiosk.app.endpoint.DocumentVerifier;
import jp.certkiosk.app.card.CardSlot;
import jp.certkiosk.app.card.PcscCardSlot;
import jp.certkiosk.app.endpoint.JerseyIssuanceEndpoint;
import jp.certkiosk.app.flow.Flow;
import jp.certkiosk.app.flow.KioskEngine;
import jp.certkiosk.app.journal.H2Journal;
import jp.certkiosk.app.journal.Journal;
import jp.certkiosk.app.payment.SimulatedPaymentDevice;
import jp.certkiosk.config.EndpointConfig;
import jp.certkiosk.config.KioskConfig;
import jp.certkiosk.config.PrinterConfig;
import jp.certkiosk.config.Profile;
import jp.certkiosk.printer.FilePrinter;
import jp.certkiosk.printer.Printer;
import jp.certkiosk.printer.ipp.IppPrinter;
import jp.certkiosk.sim.KioskCredentials;
import jp.certkiosk.sim.MunicipalSimulator;
import jp.certkiosk.sim.SimulatorOptions;

/**
 * The kiosk on its embedded defaults: the municipal simulator in this process over HTTPS with
 * mutual TLS on loopback, virtual cards from the simulator's test PKI, a file printer and an H2
 * journal. The kiosk side is the production code; only its surroundings are simulated.
 */
public final class DemoEnvironment implements AutoCloseable {
    private final MunicipalSimulator simulator;
    private final KioskConfig config;
    private final VirtualCardSlot slot;
    private final PcscCardSlot pcscSlot;
    private final H2Journal journal;
    private final JerseyIssuanceEndpoint endpoint;
    private final KioskEngine engine;
    private final SimulatedPaymentDevice payment;
    private final Printer printer;
    private final Clock clock;

    private DemoEnvironment(MunicipalSimulator simulator, KioskConfig config, VirtualCardSlot slot,
                            PcscCardSlot pcscSlot, H2Journal journal, JerseyIssuanceEndpoint endpoint, KioskEngine engine,
                            SimulatedPaymentDevice payment, Printer printer, Clock clock) {
        this.simulator = simulator;
        this.config = config;
        this.slot = slot;
        this.pcscSlot = pcscSlot;
        this.journal = journal;
        this.endpoint = endpoint;
        this.engine = engine;
        this.payment = payment;
        this.printer = printer;
        this.clock = clock;
    }

    /**
     * Starts everything. {@code dataDir} keeps the simulator's PKI and registry and the journal
     * between runs; documents are printed to {@code outDir}.
     */
    public static DemoEnvironment start(Path dataDir, Path outDir, Clock clock) throws IOException {
        return start(dataDir, new PrinterConfig(PrinterConfig.Kind.FILE, outDir), clock, false, null);
    }

    /**
     * Starts everything; with {@code serviceHours} the simulated municipalities keep their hours at
     * {@code clock} (closed at night and over the year end, family-register documents on weekdays).
     */
    public static DemoEnvironment start(Path dataDir, Path outDir, Clock clock, boolean serviceHours)
            throws IOException {
        return start(dataDir, new PrinterConfig(PrinterConfig.Kind.FILE, outDir), clock, serviceHours, null);
    }

    /** The same with another printer: an IPP printer prints the demo's documents on paper. */
    public static DemoEnvironment start(Path dataDir, PrinterConfig printerConfig, Clock clock) throws IOException {
        return start(dataDir, printerConfig, clock, false, null);
    }

    /**
     * Like {@link #start(Path, PrinterConfig, Clock)}, but the kiosk reads cards from the PC/SC reader
     * {@code pcscReader} (e.g. a virtual card placed with {@code ./kiosk card insert}) instead of the
     * in-process virtual cards; its card events reach the engine from the card watcher.
     */
    public static DemoEnvironment startOnPcsc(Path dataDir, PrinterConfig printerConfig, Clock clock, String pcscReader)
            throws IOException {
        return start(dataDir, printerConfig, clock, false, new PcscCardSlot(pcscReader));
    }

    private static DemoEnvironment start(Path dataDir, PrinterConfig printerConfig, Clock clock, boolean serviceHours,
                                         PcscCardSlot pcscSlot)
            throws IOException {
        Files.createDirectories(dataDir);
        MunicipalSimulator simulator = MunicipalSimulator.start(
                new SimulatorOptions(dataDir.resolve("sim"), "127.0.0.1", 0, clock, serviceHours));
        try {
            KioskConfig config = kioskConfig(simulator, simulator.kioskCredentials(), printerConfig,
                    dataDir.resolve("journal"));
            VirtualCardSlot slot = new VirtualCardSlot(simulator.cards());
            H2Journal journal = H2Journal.open(config.journalDirectory());
            JerseyIssuanceEndpoint endpoint = new JerseyIssuanceEndpoint(config.endpoint());
            DocumentVerifier verifier = new DocumentVerifier(
                    DocumentVerifier.readAnchor(config.endpoint().documentSigningAnchor()), config.kioskId(), clock);
            CardSlot cardSlot = pcscSlot != null ? pcscSlot : slot;
            Printer printer = printer(config);
            SimulatedPaymentDevice payment = new SimulatedPaymentDevice(DEMO_HOPPER_YEN);
            KioskEngine engine = new KioskEngine(new Flow(clock), config.kioskId(), new CardService(cardSlot), endpoint,
                    printer, journal, verifier, payment);
            // issuances a previous run left in doubt are settled before the first resident
            engine.settleAtStart();
            if (pcscSlot != null) {
                pcscSlot.start(engine::dispatch);
            }
            return new DemoEnvironment(simulator, config, slot, pcscSlot, journal, endpoint, engine, payment, printer, clock);
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    /** The configuration of a kiosk of this demo: the simulator's endpoint, anchor and the kiosk's credentials. */
    private static KioskConfig kioskConfig(MunicipalSimulator simulator, KioskCredentials credentials,
                                           PrinterConfig printer, Path journalDir) {
        return new KioskConfig(credentials.kioskId(), Profile.DEMO,
                new EndpointConfig(simulator.baseUri(), credentials.keyStore(), credentials.keyStorePassword(),
                        credentials.trustStore(), credentials.trustStorePassword(),
                        EndpointConfig.DEFAULT_CONNECT_TIMEOUT, EndpointConfig.DEFAULT_READ_TIMEOUT,
                        simulator.documentSigningAnchor()),
                printer, journalDir).validate();
    }

    /** Another kiosk of the same demo: its own id and TLS credentials, card slot, printer and journal. */
    public record AnotherKiosk(String kioskId, KioskEngine engine, VirtualCardSlot slot,
                               JerseyIssuanceEndpoint endpoint, SimulatedPaymentDevice payment) implements AutoCloseable {
        @Override
        public void close() {
            endpoint.close();
        }
    }

    /**
     * Sets up another kiosk against this demo's simulator (many kiosks, one municipal endpoint):
     * production code all through, with the given printer and journal.
     */
    public AnotherKiosk anotherKiosk(String kioskId, Printer printer, Journal kioskJournal, Clock clock) {
        KioskConfig kiosk = kioskConfig(simulator, simulator.kioskCredentials(kioskId), config.printer(),
                config.journalDirectory());
        VirtualCardSlot kioskSlot = new VirtualCardSlot(simulator.cards());
        JerseyIssuanceEndpoint kioskEndpoint = new JerseyIssuanceEndpoint(kiosk.endpoint());
        DocumentVerifier verifier = new DocumentVerifier(
                DocumentVerifier.readAnchor(kiosk.endpoint().documentSigningAnchor()), kioskId, clock);
        SimulatedPaymentDevice kioskPayment = new SimulatedPaymentDevice(DEMO_HOPPER_YEN);
        KioskEngine kioskEngine = new KioskEngine(new Flow(clock), kioskId, new CardService(kioskSlot), kioskEndpoint,
                printer, kioskJournal, verifier, kioskPayment);
        return new AnotherKiosk(kioskId, kioskEngine, kioskSlot, kioskEndpoint, kioskPayment);
    }

    /** Change the demo's coin hopper starts with. */
    public static final int DEMO_HOPPER_YEN = 5000;

    public SimulatedPaymentDevice payment() {
        return payment;
    }

    public Printer printer() {
        return printer;
    }

    public JerseyIssuanceEndpoint endpoint() {
        return endpoint;
    }

    public Clock clock() {
        return clock;
    }

    /** The printer a configuration names. */
    public static Printer printer(KioskConfig config) {
        return config.printer().kind() == PrinterConfig.Kind.IPP
                ? new IppPrinter(config.printer().uri(), config.kioskId())
                : new FilePrinter(config.printer().outputDirectory());
    }

    public KioskConfig config() {
        return config;
    }

    public VirtualCardSlot slot() {
        return slot;
    }

    /** The PC/SC reader slot, when the kiosk reads cards through pcscd. */
    public java.util.Optional<PcscCardSlot> pcscSlot() {
        return java.util.Optional.ofNullable(pcscSlot);
    }

    public KioskEngine engine() {
        return engine;
    }

    public H2Journal journal() {
        return journal;
    }

    public MunicipalSimulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        if (pcscSlot != null) {
            pcscSlot.close();
        }
        endpoint.close();
        journal.close();
        simulator.close();
    }
}
