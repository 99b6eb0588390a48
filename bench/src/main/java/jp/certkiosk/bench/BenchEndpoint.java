package jp.certkiosk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import jp.certkiosk.config.EndpointConfig;
import jp.certkiosk.config.KioskConfig;
import jp.certkiosk.config.PrinterConfig;
import jp.certkiosk.config.Profile;
import jp.certkiosk.sim.IssuedCard;
import jp.certkiosk.sim.KioskCredentials;
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

    /** A kiosk of this endpoint: files printed under {@code dataDir/kiosks/<id>/out}, journal beside them. */
    public KioskConfig kiosk(String kioskId) {
        KioskCredentials credentials = simulator.kioskCredentials(kioskId);
        Path home = dataDir.resolve("kiosks").resolve(kioskId);
        return new KioskConfig(kioskId, Profile.DEMO,
                new EndpointConfig(simulator.baseUri(), credentials.keyStore(), credentials.keyStorePassword(),
                        credentials.trustStore(), credentials.trustStorePassword(),
                        EndpointConfig.DEFAULT_CONNECT_TIMEOUT, EndpointConfig.DEFAULT_READ_TIMEOUT,
                        simulator.documentSigningAnchor()),
                new PrinterConfig(PrinterConfig.Kind.FILE, home.resolve("out")), home.resolve("journal")).validate();
    }

    /** The same kiosk as a properties file the product's configuration loader reads. */
    public Path kioskProperties(String kioskId) {
        KioskConfig config = kiosk(kioskId);
        Properties p = new Properties();
        p.setProperty("kiosk.id", kioskId);
        p.setProperty("kiosk.profile", config.profile().name());
        p.setProperty("endpoint.uri", config.endpoint().baseUri().toString());
        p.setProperty("endpoint.keyStore", config.endpoint().keyStore().toAbsolutePath().toString());
        p.setProperty("endpoint.keyStorePassword", new String(config.endpoint().keyStorePassword()));
        p.setProperty("endpoint.trustStore", config.endpoint().trustStore().toAbsolutePath().toString());
        p.setProperty("endpoint.trustStorePassword", new String(config.endpoint().trustStorePassword()));
        p.setProperty("endpoint.documentSigningAnchor",
                config.endpoint().documentSigningAnchor().toAbsolutePath().toString());
        p.setProperty("printer.kind", "FILE");
        p.setProperty("printer.outputDirectory", config.printer().outputDirectory().toAbsolutePath().toString());
        p.setProperty("journal.directory", config.journalDirectory().toAbsolutePath().toString());
        Path file = dataDir.resolve("kiosks").resolve(kioskId).resolve("kiosk.properties");
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "a kiosk of the bench's simulator (test PKI only)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
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
