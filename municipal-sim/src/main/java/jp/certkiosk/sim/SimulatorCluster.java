package jp.certkiosk.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jp.certkiosk.api.AuthenticationPayload;
import jp.certkiosk.sim.pki.TestPki;
import jp.certkiosk.sim.registry.KioskRegister;
import jp.certkiosk.sim.registry.RegistryDatabase;
import jp.certkiosk.sim.registry.RegistryServer;
import jp.certkiosk.sim.registry.SeedCard;
import jp.certkiosk.sim.registry.SeedData;

/**
 * The endpoint as the issuance center runs it: several simulator processes over one registry (H2's
 * TCP server, run by this process) behind HAProxy (Debian {@code haproxy}), which passes TLS
 * through (mutual TLS stays between kiosk and instance) and deals connections round robin. Each
 * instance answers one call per connection, so consecutive calls of one transaction land on
 * different instances. Logs and the generated {@code haproxy.cfg} are in {@code DATA/cluster/}.
 */
public final class SimulatorCluster implements SimulatedEndpoint, AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final SimulatorOptions options;
    private final RegistryServer registryServer;
    private final RegistryDatabase registry;
    private final TestPki pki;
    private final List<Process> instances;
    private final List<Integer> instancePorts;
    private final Process balancer;
    private final int port;
    private boolean closed;

    private SimulatorCluster(SimulatorOptions options, RegistryServer registryServer, RegistryDatabase registry,
                             TestPki pki, List<Process> instances, List<Integer> instancePorts, Process balancer,
                             int port) {
        this.options = options;
        this.registryServer = registryServer;
        this.registry = registry;
        this.pki = pki;
        this.instances = instances;
        this.instancePorts = instancePorts;
        this.balancer = balancer;
        this.port = port;
    }

    /**
     * Starts the registry server, {@code count} simulator processes and the balancer listening on
     * {@code options.port()} (0: a free port), and returns once the balancer accepts connections.
     */
    public static SimulatorCluster start(SimulatorOptions options, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one instance");
        }
        Path logs = options.dataDir().resolve("cluster");
        RegistryServer server = null;
        RegistryDatabase registry = null;
        List<Process> instances = new ArrayList<>();
        Process balancer = null;
        try {
            Files.createDirectories(logs);
            server = RegistryServer.start(options.dataDir().resolve("registry"), 0);
            registry = RegistryDatabase.connect(server.jdbcUrl());
            // the PKI files and the seed are written once, here, before any instance reads them
            MunicipalSimulator.prepare(options, registry);
            TestPki pki = TestPki.openOrCreate(options.dataDir().resolve("pki"), options.clock(),
                    SeedData.CARDS.stream().map(SeedCard::spec).toList());

            List<Integer> ports = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                int instancePort = freePort();
                ports.add(instancePort);
                instances.add(startInstance(options, server.jdbcUrl(), "sim-" + i, instancePort, logs));
            }
            for (int i = 0; i < count; i++) {
                awaitListening(instances.get(i), ports.get(i), logs.resolve("sim-" + (i + 1) + ".log"));
            }
            int front = options.port() == 0 ? freePort() : options.port();
            Path config = logs.resolve("haproxy.cfg");
            Files.writeString(config, haproxyConfig(options.host(), front, ports), StandardCharsets.UTF_8);
            balancer = startBalancer(config, logs.resolve("haproxy.log"));
            awaitListening(balancer, front, logs.resolve("haproxy.log"));
            return new SimulatorCluster(options, server, registry, pki, instances, ports, balancer, front);
        } catch (IOException | RuntimeException e) {
            if (balancer != null) {
                balancer.descendants().forEach(ProcessHandle::destroyForcibly);
                balancer.destroyForcibly();
            }
            instances.forEach(Process::destroyForcibly);
            if (registry != null) {
                registry.close();
            }
            if (server != null) {
                server.close();
            }
            throw e instanceof IOException io ? new UncheckedIOException("cannot start the simulator cluster", io)
                    : (RuntimeException) e;
        }
    }

    /** Runs a cluster for {@code ./kiosk sim --instances N}: describes it, then serves until the process ends. */
    public static void run(SimulatorOptions options, int count, PrintStream out) throws InterruptedException {
        SimulatorCluster cluster = start(options, count);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.close();
            stopped.countDown();
        }, "cluster-shutdown"));
        KioskCredentials kiosk = cluster.kioskCredentials(MunicipalSimulator.DEMO_KIOSK_ID);
        out.println("Municipal endpoint simulator: " + count + " instances behind HAProxy (TLS passed through, "
                + "round robin), one shared registry");
        out.println("  base URI        " + cluster.baseUri());
        cluster.instanceUris().forEach(uri -> out.println("  instance        " + uri));
        out.println("  registry        " + cluster.registryServer.jdbcUrl());
        out.println("  kiosk id        " + kiosk.kioskId());
        out.println("  key store       " + kiosk.keyStore().toAbsolutePath() + " (PKCS12, password "
                + new String(kiosk.keyStorePassword()) + ")");
        out.println("  trust store     " + kiosk.trustStore().toAbsolutePath() + " (PKCS12, password "
                + new String(kiosk.trustStorePassword()) + ")");
        out.println("  document anchor " + cluster.documentSigningAnchor().toAbsolutePath());
        out.println("  logs            " + options.dataDir().resolve("cluster").toAbsolutePath());
        out.println("Serving until stopped (Ctrl+C).");
        out.flush();
        stopped.await();
    }

    @Override
    public int approveUseRegistrations() {
        return new jp.certkiosk.sim.registry.UseRegistrations(registry).approvePending(options.clock().instant());
    }

    @Override
    public List<String> about() {
        List<String> lines = new ArrayList<>();
        lines.add("instances       " + instances.size() + " processes behind HAProxy (TLS passed through, round robin)");
        instanceUris().forEach(uri -> lines.add("instance        " + uri));
        lines.add("registry        " + registryServer.jdbcUrl());
        lines.add("logs            " + options.dataDir().resolve("cluster").toAbsolutePath());
        return lines;
    }

    /** Where kiosks connect: the balancer. */
    public URI baseUri() {
        return URI.create("https://localhost:" + port + "/");
    }

    /** Each instance directly (bypassing the balancer). */
    public List<URI> instanceUris() {
        return instancePorts.stream().map(p -> URI.create("https://localhost:" + p + "/")).toList();
    }

    /** The JDBC URL of the shared registry. */
    public String registryUrl() {
        return registryServer.jdbcUrl();
    }

    /** A kiosk's TLS credentials, issued on first request and registered for every instance. */
    public KioskCredentials kioskCredentials(String kioskId) {
        try {
            new KioskRegister(registry).register(kioskId,
                    AuthenticationPayload.sha256Hex(pki.kioskCertificate(kioskId).getEncoded()),
                    options.clock().instant());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("a kiosk certificate cannot be encoded", e);
        }
        return new KioskCredentials(kioskId, pki.kioskKeyStore(kioskId), pki.storePassword(),
                pki.kioskTrustStore(), pki.storePassword());
    }

    /** The virtual cards of the seed data, in seed order. */
    public List<IssuedCard> cards() {
        return MunicipalSimulator.issuedCards(pki);
    }

    /** The municipal document-signing anchor kiosks trust (DER). */
    public Path documentSigningAnchor() {
        return pki.documentSigningAnchor();
    }

    /** Kills one instance at once (SIGKILL), as a crash would: for tests of what the others do. */
    public void kill(int instance) {
        Process process = instances.get(instance);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the balancer, the instances (each shuts down cleanly) and the registry server. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        balancer.destroy();
        instances.forEach(Process::destroy);
        try {
            if (!balancer.waitFor(10, TimeUnit.SECONDS)) {
                balancer.descendants().forEach(ProcessHandle::destroyForcibly);
                balancer.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Process process : instances) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        registry.close();
        registryServer.close();
    }

    private static Process startInstance(SimulatorOptions options, String jdbcUrl, String name, int instancePort,
                                         Path logs) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"),
                SimulatorMain.class.getName(),
                "--data", options.dataDir().toAbsolutePath().toString(),
                "--host", options.host(),
                "--port", String.valueOf(instancePort),
                "--database-url", jdbcUrl,
                "--instance", name,
                "--exit-with-parent",
                "--service-hours", options.serviceHours() ? "on" : "off"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile())
                .start();
    }

    /**
     * Starts HAProxy on {@code config} so that it cannot outlive this process: HAProxy knows nothing
     * of the JVM that started it, so a small shell watchdog starts it, follows this process's pid
     * and ends HAProxy when this process is gone, even after a SIGKILL that runs no shutdown hook.
     * Stopping the returned process (SIGTERM) stops HAProxy too.
     */
    static Process startBalancer(Path config, Path log) throws IOException {
        return new ProcessBuilder(tiedToThisProcess(List.of("haproxy", "-db", "-f", config.toString())))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** {@code command} under a watchdog that ends it once this process is gone (checked every second). */
    static List<String> tiedToThisProcess(List<String> command) {
        long parent = ProcessHandle.current().pid();
        String watchdog = "\"$@\" & child=$!\n"
                + "trap 'kill $child 2>/dev/null; wait $child; exit 0' TERM INT HUP\n"
                + "while kill -0 " + parent + " 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done\n"
                + "kill $child 2>/dev/null\n"
                + "wait $child\n";
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c", watchdog, "watchdog"));
        wrapped.addAll(command);
        return wrapped;
    }

    static String haproxyConfig(String host, int front, List<Integer> instancePorts) {
        StringBuilder config = new StringBuilder("""
                # generated by SimulatorCluster: TLS passed through, one kiosk connection = one call
                global
                    maxconn 4096

                defaults
                    mode tcp
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    # a connection refused by a dead instance is tried again on another one
                    retries 2
                    option redispatch

                frontend kiosks
                    bind %s:%d
                    default_backend simulators

                backend simulators
                    balance roundrobin
                    default-server inter 500ms fall 2 rise 2
                """.formatted(host, front));
        for (int i = 0; i < instancePorts.size(); i++) {
            config.append("    server sim-").append(i + 1).append(' ').append(host).append(':')
                    .append(instancePorts.get(i)).append(" check\n");
        }
        return config.toString();
    }

    private static void awaitListening(Process process, int port, Path log) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("a process of the cluster ended at start (exit " + process.exitValue()
                        + "): see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the cluster starts", e);
                }
            }
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IllegalStateException("a process of the cluster did not listen within " + START_TIMEOUT + ": see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
