package jp.certkiosk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import jp.certkiosk.config.KioskConfig;
import jp.certkiosk.config.KioskConfigLoader;
import jp.certkiosk.config.PrinterConfig;
import jp.certkiosk.demo.DemoConfiguration;
import jp.certkiosk.sim.IssuedCard;
import jp.certkiosk.sim.KioskConfigFiles;
import jp.certkiosk.sim.MunicipalSimulator;
import jp.certkiosk.sim.SimulatorOptions;

/**
 * The municipal endpoint simulator the bench's kiosks talk to over HTTPS with mutual TLS on
 * loopback, and the configuration of each kiosk (its own id, TLS identity, journal and output).
 */
public final class BenchEndpoint implements AutoCloseable {
    private final MunicipalSimulator simulator;
    private final Path dataDir;

    private BenchEndpoint(MunicipalSimulator simulator, Path dataDir) {
        this.simulator = simulator;
        this.dataDir = dataDir;
    }

    /** Starts the simulator on {@code dataDir/sim} (the layout {@code ./kiosk demo --data} uses). */
    public static BenchEndpoint start(Path dataDir, Clock clock) {
        return new BenchEndpoint(MunicipalSimulator.start(
                new SimulatorOptions(dataDir.resolve("sim"), "127.0.0.1", 0, clock, false)), dataDir);
    }

    public MunicipalSimulator simulator() {
        return simulator;
    }

    public IssuedCard card(String profile) {
        return simulator.card(profile).orElseThrow(() -> new IllegalArgumentException("no card " + profile));
    }

    /**
     * A kiosk of this endpoint as the demo configures one (virtual cards of the simulator's test PKI,
     * simulated acceptor), read back by the product's configuration loader: files printed under
     * {@code dataDir/kiosks/<id>/out}, journal beside them.
     */
    public KioskConfig kiosk(String kioskId) {
        try {
            return KioskConfigLoader.load(kioskProperties(kioskId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration of " + kioskId, e);
        }
    }

    /** Writes {@code dataDir/kiosks/<id>/kiosk.properties} (and what it names) once; returns its path. */
    public synchronized Path kioskProperties(String kioskId) {
        Path home = dataDir.resolve("kiosks").resolve(kioskId);
        Path file = home.resolve(KioskConfigFiles.FILE_NAME);
        if (!Files.exists(file)) {
            DemoConfiguration.write(simulator, kioskId, home, new DemoConfiguration.Reader.Virtual(),
                    new PrinterConfig(PrinterConfig.Kind.FILE, home.resolve("out")), home.resolve("journal"),
                    home.resolve("staff-pin"));
        }
        return file;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
