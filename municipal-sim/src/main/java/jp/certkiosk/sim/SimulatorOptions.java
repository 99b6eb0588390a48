package jp.certkiosk.sim;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How to run the municipal endpoint simulator.
 *
 * @param dataDir where the test PKI ({@code pki/}) and the registry database ({@code registry/}) live
 * @param host the address to listen on; the certificate and the base URI name {@code localhost}
 * @param port the port to listen on, 0 for an ephemeral one
 * @param clock the endpoint's time: challenge, session and certificate validity, dates of issue,
 *     revocation answers, and the municipalities' service hours
 * @param serviceHours whether the municipalities keep their hours (6:30-23:00 Japan time, closed
 *     Dec 29 - Jan 3, family-register documents on weekdays only); off, they serve around the clock
 * @param databaseUrl the JDBC URL of a registry shared with other instances (e.g. an H2 TCP server's),
 *     or null for the embedded database file in {@code dataDir/registry}
 * @param instanceName the name this instance gives itself in the {@value #INSTANCE_HEADER} header
 *     of its answers when it runs beside others, or null
 */
public record SimulatorOptions(Path dataDir, String host, int port, Clock clock, boolean serviceHours,
                               String databaseUrl, String instanceName) {
    /** The response header naming the instance that answered (instances behind a load balancer only). */
    public static final String INSTANCE_HEADER = "X-Simulator-Instance";

    public SimulatorOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
    }

    public SimulatorOptions(Path dataDir, String host, int port, Clock clock, boolean serviceHours) {
        this(dataDir, host, port, clock, serviceHours, null, null);
    }

    /**
     * The same, as one of several instances over the registry at {@code jdbcUrl}: state lives only
     * there, and each connection serves one call, so a load balancer spreads consecutive calls.
     */
    public SimulatorOptions sharing(String jdbcUrl, String name) {
        return new SimulatorOptions(dataDir, host, port, clock, serviceHours, Objects.requireNonNull(jdbcUrl),
                Objects.requireNonNull(name));
    }

    /** The same on another port. */
    public SimulatorOptions onPort(int newPort) {
        return new SimulatorOptions(dataDir, host, newPort, clock, serviceHours, databaseUrl, instanceName);
    }

    /** Whether this instance shares its registry with others. */
    public boolean shared() {
        return databaseUrl != null;
    }

    /** Around the clock: the municipalities' service hours are not kept. */
    public SimulatorOptions(Path dataDir, String host, int port, Clock clock) {
        this(dataDir, host, port, clock, false);
    }

    /** Loopback, an ephemeral port, the system clock, around the clock. */
    public static SimulatorOptions defaults(Path dataDir) {
        return new SimulatorOptions(dataDir, "127.0.0.1", 0, Clock.systemUTC());
    }

    /** The same, with the municipalities keeping their service hours at the given clock. */
    public SimulatorOptions withServiceHours(Clock serviceClock) {
        return new SimulatorOptions(dataDir, host, port, serviceClock, true, databaseUrl, instanceName);
    }
}
