package jp.certkiosk.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import jp.certkiosk.app.assembly.Kiosk;
import jp.certkiosk.app.assembly.KioskAssembly;
import jp.certkiosk.app.card.VirtualCardSlot;
import jp.certkiosk.app.flow.KioskEngine;
import jp.certkiosk.app.journal.H2Journal;
import jp.certkiosk.app.payment.SimulatedPaymentDevice;
import jp.certkiosk.config.KioskConfig;
import jp.certkiosk.config.KioskConfigLoader;
import jp.certkiosk.config.PrinterConfig;
import jp.certkiosk.sim.MunicipalSimulator;
import jp.certkiosk.sim.SimulatorOptions;

/**
 * The demo: the municipal simulator in this process (HTTPS with mutual TLS on loopback), a DEMO
 * configuration file written for it, and the kiosk built from that file by the same composition
 * root as a store's kiosk ({@link KioskAssembly}). Only the surroundings are simulated.
 */
public final class DemoEnvironment implements AutoCloseable {
    private final MunicipalSimulator simulator;
    private final Path configFile;
    private final Kiosk kiosk;

    private DemoEnvironment(MunicipalSimulator simulator, Path configFile, Kiosk kiosk) {
        this.simulator = simulator;
        this.configFile = configFile;
        this.kiosk = kiosk;
    }

    /** Simulator state in {@code dataDir/sim}, configuration in {@code dataDir/kiosk}, journal in {@code dataDir/journal}. */
    public static DemoEnvironment start(Path dataDir, PrinterConfig printer, Clock clock) {
        return start(dataDir, printer, clock, false, new DemoConfiguration.Reader.Virtual());
    }

    /** The same on a PC/SC reader (a card placed with {@code ./kiosk card insert}); the card watcher tells the flow. */
    public static DemoEnvironment startOnPcsc(Path dataDir, PrinterConfig printer, Clock clock, String reader) {
        return start(dataDir, printer, clock, false, new DemoConfiguration.Reader.Pcsc(reader));
    }

    public static DemoEnvironment start(Path dataDir, PrinterConfig printer, Clock clock, boolean serviceHours,
                                        DemoConfiguration.Reader reader) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MunicipalSimulator simulator = MunicipalSimulator.start(
                new SimulatorOptions(dataDir.resolve("sim"), "127.0.0.1", 0, clock, serviceHours));
        try {
            Path file = DemoConfiguration.write(simulator, MunicipalSimulator.DEMO_KIOSK_ID, dataDir.resolve("kiosk"),
                    reader, printer, dataDir.resolve("journal"), dataDir.resolve("staff-pin"));
            KioskConfig config = KioskConfigLoader.load(file);
            return new DemoEnvironment(simulator, file, KioskAssembly.build(config, clock));
        } catch (IOException e) {
            simulator.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    public Kiosk kiosk() {
        return kiosk;
    }

    /** The DEMO configuration file this demo wrote and built its kiosk from. */
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

    /** The in-process virtual reader (a DEMO configuration on the virtual reader has one). */
    public VirtualCardSlot slot() {
        return kiosk.virtualReader().orElseThrow(() -> new IllegalStateException("this demo reads a PC/SC reader"));
    }

    public SimulatedPaymentDevice payment() {
        return kiosk.simulatedPayment().orElseThrow();
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
