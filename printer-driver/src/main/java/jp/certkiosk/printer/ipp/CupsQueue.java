package jp.certkiosk.printer.ipp;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A queue of the local CUPS scheduler in front of an IPP printer, as on a kiosk: documents go to
 * {@code ipp://localhost:631/printers/NAME} and CUPS passes them on unchanged (a raw queue: the
 * kiosk sends what the printer accepts). Starts {@code cupsd} when it is not running. For the
 * installation scripts and the tests; fails loudly when CUPS is missing.
 */
public final class CupsQueue implements AutoCloseable {
    private static final int CUPS_PORT = 631;
    private final String name;

    private CupsQueue(String name) {
        this.name = name;
    }

    public static CupsQueue create(String name, URI printer) {
        ensureScheduler();
        // abort-job: a job the printer fails ends as aborted (the kiosk reports it) instead of
        // stopping the queue with the job held
        run(List.of("lpadmin", "-p", name, "-E", "-v", printer.toString(), "-o", "printer-error-policy=abort-job"));
        return new CupsQueue(name);
    }

    public URI uri() {
        return URI.create("ipp://localhost:" + CUPS_PORT + "/printers/" + name);
    }

    @Override
    public void close() {
        run(List.of("lpadmin", "-x", name));
    }

    static void ensureScheduler() {
        if (listening()) {
            return;
        }
        run(List.of("cupsd"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (listening()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("cupsd did not start listening on localhost:" + CUPS_PORT);
    }

    private static boolean listening() {
        try (Socket socket = new Socket("localhost", CUPS_PORT)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0)
                    + " (install cups and cups-client: scripts/install-test-deps.sh): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }
}
