package jp.certkiosk.card.pcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/**
 * The real PC/SC stack for tests: pcscd with the vsmartcard reader driver, started by the project's
 * own script. Fails (never skips) when it cannot start. Tests use the second vpcd slot so that a
 * vendor's virtual card in the first one ({@code ./kiosk card insert}) does not interfere.
 */
public final class PcscStack {
    /** The reader the tests use and the port of its slot. */
    public static final String READER = "Virtual PCD 00 01";
    public static final int PORT = 35964;

    private PcscStack() {
    }

    /** Runs {@code scripts/pcscd.sh ACTION} and fails the test with its output unless it succeeds. */
    public static String script(String action) {
        Path script = findScript();
        try {
            Process process = new ProcessBuilder(script.toString(), action).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("scripts/pcscd.sh " + action + " did not finish within 60 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), "scripts/pcscd.sh " + action + " failed:\n" + output);
            return output;
        } catch (IOException e) {
            return fail("cannot run " + script + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** Makes sure pcscd runs with the virtual readers listed. */
    public static void start() {
        script("start");
    }

    /** The test reader; fails if pcscd does not list it. */
    public static CardTerminal reader() throws CardException {
        List<CardTerminal> readers = Pcsc.readers();
        for (CardTerminal terminal : readers) {
            if (terminal.getName().equals(READER)) {
                return terminal;
            }
        }
        return fail("pcscd does not list '" + READER + "': " + readers);
    }

    /** Waits until the reader's card presence is {@code present}; fails after 10 s. */
    public static void awaitCard(CardTerminal reader, boolean present) throws CardException, InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (reader.isCardPresent() != present) {
            if (System.currentTimeMillis() > end) {
                fail("card in " + reader.getName() + " did not become " + (present ? "present" : "absent"));
            }
            Thread.sleep(50);
        }
    }

    static Path findScript() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("scripts/pcscd.sh");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("scripts/pcscd.sh not found above " + dir);
    }
}
