package jp.certkiosk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HAProxy started by a launcher that is killed with SIGKILL (no shutdown hook runs) does not stay
 * behind holding the kiosks' port: it ends with the launcher.
 */
class BalancerDiesWithLauncherTest {
    @TempDir
    Path dir;

    @Test
    void haproxyEndsWhenItsLauncherIsKilled() throws Exception {
        int front = freePort();
        int backend = freePort();
        Process launcher = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BalancerLauncher.class.getName(),
                dir.toString(), String.valueOf(front), String.valueOf(backend))
                .redirectErrorStream(true)
                .start();
        ProcessHandle haproxy = null;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertEquals("balancer started", line == null ? null : line.replaceAll(" \\d+$", ""), "launcher said: " + line);
            haproxy = awaitHaproxyListening(launcher, front);

            launcher.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
            launcher.waitFor(30, TimeUnit.SECONDS);

            try {
                haproxy.onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                // reported below
            }
            assertFalse(haproxy.isAlive(), "HAProxy (pid " + haproxy.pid() + ") outlived its launcher");
            assertThrows(IOException.class, () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", front), 1000);
                }
            }, "nothing listens on the kiosks' port any more");
        } finally {
            launcher.destroyForcibly();
            if (haproxy != null) {
                haproxy.destroyForcibly();
            }
        }
    }

    /** HAProxy among the launcher's descendants, once it accepts connections. */
    private static ProcessHandle awaitHaproxyListening(Process launcher, int port) throws InterruptedException {
        for (int tries = 0; tries < 600; tries++) {
            List<ProcessHandle> found = launcher.descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/haproxy") || c.equals("haproxy")).orElse(false))
                    .toList();
            if (!found.isEmpty()) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                    return found.get(0);
                } catch (IOException notYet) {
                    // not listening yet
                }
            }
            if (!launcher.isAlive()) {
                throw new AssertionError("the launcher ended on its own (exit " + launcher.exitValue() + ")");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("HAProxy did not listen on " + port + " within a minute");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
