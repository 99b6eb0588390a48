package jp.certkiosk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The kiosk's resident memory, taken from outside: a kiosk process ({@link MemoryKiosk}) started
 * with the launcher's JVM flags runs {@code N} issuances against this process's simulator, and
 * reports its RSS after each one.
 */
public final class MemoryBench {
    /** The JVM flags ./kiosk starts the product with. */
    public static final List<String> LAUNCHER_FLAGS = List.of("-Dfile.encoding=UTF-8",
            "-Dsun.security.smartcardio.library=/usr/lib/x86_64-linux-gnu/libpcsclite.so.1",
            "--add-opens", "java.smartcardio/sun.security.smartcardio=ALL-UNNAMED");

    public record Result(int transactions, long rssAtEnd, long rssAtHalf, long heapAfterGc, List<Long> rss) {
        public long growthOverLastHalf() {
            return rssAtEnd - rssAtHalf;
        }
    }

    private MemoryBench() {}

    /**
     * A bound on the heap for a kiosk that runs for months: the live heap of a headless kiosk is
     * some 50 MB, but without a bound the JVM sizes its heap from the machine's memory (a quarter
     * of it) and grows into it rather than collect. Measured beside the launcher's flags.
     */
    public static final List<String> BOUNDED_HEAP = List.of("-Xmx128m", "-XX:+UseSerialGC");

    public static Result run(BenchEndpoint endpoint, int transactions, Path log, List<String> extraFlags)
            throws IOException, InterruptedException {
        Path properties = endpoint.kioskProperties("kiosk-bench-memory");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAUNCHER_FLAGS);
        command.addAll(extraFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MemoryKiosk.class.getName());
        command.add(properties.toString());
        command.add(Integer.toString(transactions));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        List<Long> rss = new ArrayList<>();
        long heap = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                String[] parts = line.split(" ");
                if (parts.length == 3 && parts[0].equals("rss")) {
                    rss.add(Long.parseLong(parts[2]));
                } else if (parts.length == 3 && parts[0].equals("heap")) {
                    heap = Long.parseLong(parts[2]);
                }
            }
        } finally {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }
        if (process.exitValue() != 0 || rss.size() != transactions) {
            throw new IllegalStateException("the kiosk process ended with " + process.exitValue() + " after "
                    + rss.size() + " of " + transactions + " issuances; see " + log);
        }
        return new Result(transactions, rss.get(transactions - 1), rss.get(transactions / 2 - 1), heap, rss);
    }
}
