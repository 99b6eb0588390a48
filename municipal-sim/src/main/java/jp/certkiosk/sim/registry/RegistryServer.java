package jp.certkiosk.sim.registry;

import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.tools.Server;

/**
 * The registry as a database server that several simulator instances share: H2 in TCP server
 * mode on loopback, over the same {@code registry} database file a single instance opens embedded.
 * Only one process may hold the file: while the server runs, instances connect to {@link #jdbcUrl()}.
 */
public final class RegistryServer implements AutoCloseable {
    private final Server server;

    private RegistryServer(Server server) {
        this.server = server;
    }

    /**
     * Serves the databases of {@code directory} on loopback ({@code port} 0: any free port).
     * Only loopback clients are accepted, and only databases under {@code directory}.
     */
    public static RegistryServer start(Path directory, int port) {
        try {
            Server server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir",
                    directory.toAbsolutePath().toString(), "-ifNotExists").start();
            return new RegistryServer(server);
        } catch (SQLException e) {
            throw new RegistryException("cannot start the registry database server", e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The JDBC URL of the shared registry, for {@link RegistryDatabase#connect(String)}. */
    public String jdbcUrl() {
        // LOCK_TIMEOUT: a check-and-set waiting for another instance's transaction waits, not fails
        return "jdbc:h2:tcp://localhost:" + port() + "/registry;LOCK_TIMEOUT=10000";
    }

    @Override
    public void close() {
        server.stop();
    }
}
