package jp.certkiosk.app.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import jp.certkiosk.app.card.CardService;
import jp.certkiosk.app.endpoint.JerseyIssuanceEndpoint;
import jp.certkiosk.app.flow.Flow;
import jp.certkiosk.app.flow.KioskEngine;
import jp.certkiosk.app.journal.H2Journal;
import jp.certkiosk.config.EndpointConfig;
import jp.certkiosk.config.KioskConfig;
import jp.certkiosk.config.PrinterConfig;
import jp.certkiosk.config.Profile;
import jp.certkiosk.printer.FilePrinter;
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
    private final H2Journal journal;
    private final JerseyIssuanceEndpoint endpoint;
    private final KioskEngine engine;

    private DemoEnvironment(MunicipalSimulator simulator, KioskConfig config, VirtualCardSlot slot, H2Journal journal,
                            JerseyIssuanceEndpoint endpoint, KioskEngine engine) {
        this.simulator = simulator;
        this.config = config;
        this.slot = slot;
        this.journal = journal;
        this.endpoint = endpoint;
        this.engine = engine;
    }

    /**
     * Starts everything. {@code dataDir} keeps the simulator's PKI and registry and the journal
     * between runs; documents are printed to {@code outDir}.
     */
    public static DemoEnvironment start(Path dataDir, Path outDir, Clock clock) throws IOException {
        Files.createDirectories(dataDir);
        MunicipalSimulator simulator = MunicipalSimulator.start(
                new SimulatorOptions(dataDir.resolve("sim"), "127.0.0.1", 0, clock));
        try {
            KioskCredentials credentials = simulator.kioskCredentials();
            KioskConfig config = new KioskConfig(credentials.kioskId(), Profile.DEMO,
                    new EndpointConfig(simulator.baseUri(), credentials.keyStore(), credentials.keyStorePassword(),
                            credentials.trustStore(), credentials.trustStorePassword(),
                            EndpointConfig.DEFAULT_CONNECT_TIMEOUT, EndpointConfig.DEFAULT_READ_TIMEOUT),
                    new PrinterConfig(PrinterConfig.Kind.FILE, outDir),
                    dataDir.resolve("journal")).validate();
            VirtualCardSlot slot = new VirtualCardSlot(simulator.cards());
            H2Journal journal = H2Journal.open(config.journalDirectory());
            JerseyIssuanceEndpoint endpoint = new JerseyIssuanceEndpoint(config.endpoint());
            KioskEngine engine = new KioskEngine(new Flow(clock), config.kioskId(), new CardService(slot), endpoint,
                    new FilePrinter(config.printer().outputDirectory()), journal);
            return new DemoEnvironment(simulator, config, slot, journal, endpoint, engine);
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    public KioskConfig config() {
        return config;
    }

    public VirtualCardSlot slot() {
        return slot;
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
        endpoint.close();
        journal.close();
        simulator.close();
    }
}
