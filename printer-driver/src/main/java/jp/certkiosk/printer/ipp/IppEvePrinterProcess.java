package jp.certkiosk.printer.ipp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real IPP Everywhere printer on loopback for tests and vendor demos: CUPS's
 * {@code ippeveprinter} (Debian cups-ipp-utils) with its own D-Bus bus, two-sided, keeping every
 * file it receives. A command script, when given, "prints" each job: exiting non-zero fails the
 * job mid-way; writing {@code STATE: +media-empty} to standard error sets the printer's reasons.
 * Starting fails loudly when the programs are missing: tests must not pass without a printer.
 */
public final class IppEvePrinterProcess implements AutoCloseable {
    private final Path directory;
    private final int port;
    private final Process dbus;
    private final Process printer;

    private IppEvePrinterProcess(Path directory, int port, Process dbus, Process printer) {
        this.directory = directory;
        this.port = port;
        this.dbus = dbus;
        this.printer = printer;
    }

    /**
     * @param formats document formats the printer accepts, e.g. {@code application/pdf,image/pwg-raster}
     * @param command a shell script run for each job, or null to accept every job
     */
    public static IppEvePrinterProcess start(Path directory, String formats, String command) {
        try {
            Files.createDirectories(directory.resolve("spool"));
            Path bus = directory.resolve("dbus.socket");
            Files.deleteIfExists(bus);
            Process dbus = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--nopidfile",
                    "--address=unix:path=" + bus)
                    .redirectErrorStream(true).redirectOutput(directory.resolve("dbus.log").toFile()).start();
            waitFor(() -> Files.exists(bus), "the D-Bus bus for ippeveprinter did not start", dbus);
            int port = freePort();
            List<String> arguments = new ArrayList<>(List.of("ippeveprinter", "-2", "-k", "-r", "off",
                    "-n", "localhost", "-p", Integer.toString(port), "-d", directory.resolve("spool").toString(),
                    "-f", formats, "-M", "Certkiosk", "-m", "Test Printer"));
            if (command != null) {
                Path script = directory.resolve("print-command.sh");
                Files.writeString(script, "#!/bin/sh\n" + command + "\n");
                script.toFile().setExecutable(true);
                arguments.addAll(List.of("-c", script.toString()));
            }
            arguments.add("certkiosk-test");
            ProcessBuilder builder = new ProcessBuilder(arguments).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("ippeveprinter.log").toFile());
            builder.environment().put("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=" + bus);
            builder.environment().put("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + bus);
            Process printer = builder.start();
            waitFor(() -> listening(port), "ippeveprinter did not start listening; see "
                    + directory.resolve("ippeveprinter.log"), printer);
            return new IppEvePrinterProcess(directory, port, dbus, printer);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start ippeveprinter (install cups-ipp-utils and dbus: "
                    + "scripts/install-test-deps.sh): " + e.getMessage(), e);
        }
    }

    public URI uri() {
        return URI.create("ipp://localhost:" + port + "/ipp/print");
    }

    public int port() {
        return port;
    }

    /** Files the printer received (not what its command wrote), oldest first. */
    public List<Path> receivedFiles() {
        try (var files = Files.list(directory.resolve("spool"))) {
            return files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".prn"))
                    .sorted(java.util.Comparator.comparing(p -> p.toFile().lastModified())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the main tray through the printer's own web form: it then reports media-empty. */
    public void setPaperEmpty(boolean empty) {
        String level = empty ? "0" : "250";
        String query = "/media?size1=iso_a4_210x297mm&type1=stationery&level1=" + level
                + "&size3=iso_a4_210x297mm&type3=stationery&level3=" + (empty ? "0" : "25");
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + port + query)
                    .toURL().openConnection();
            if (connection.getResponseCode() != 200) {
                throw new IllegalStateException("the printer's media form answered " + connection.getResponseCode());
            }
            connection.getInputStream().readAllBytes();
            connection.disconnect();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        printer.destroy();
        dbus.destroy();
        try {
            printer.waitFor(5, TimeUnit.SECONDS);
            dbus.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        printer.destroyForcibly();
        dbus.destroyForcibly();
    }

    private interface Condition {
        boolean holds() throws IOException;
    }

    private static void waitFor(Condition condition, String failure, Process process) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(failure + " (exited " + process.exitValue() + ")");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(failure, e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(failure);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
