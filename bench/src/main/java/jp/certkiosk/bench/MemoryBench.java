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
     * The kiosk JVM's memory options, the file every launcher of the kiosk reads ({@code ./kiosk}
     * and the runtime image's {@code bin/kiosk}), relative to the repository root.
     */
    public static final Path MEMORY_OPTIONS = Path.of("kiosk-image", "runtime", "conf", "jvm-memory.options");

    /** The launcher's flags as it starts the kiosk: {@link #LAUNCHER_FLAGS} and the memory options. */
    public static List<String> kioskFlags() {
        if (!Files.isRegularFile(MEMORY_OPTIONS)) {
            throw new IllegalStateException("no " + MEMORY_OPTIONS + " here: run the bench from the repository root");
        }
        List<String> flags = new ArrayList<>(LAUNCHER_FLAGS);
        flags.add("@" + MEMORY_OPTIONS.toAbsolutePath());
        return flags;
    }

    /** Runs a kiosk process started with {@code flags} (the JVM's, before the class path). */
    public static Result run(BenchEndpoint endpoint, int transactions, Path log, List<String> flags)
            throws IOException, InterruptedException {
        Path properties = endpoint.kioskProperties("kiosk-bench-memory");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        // for a look inside: -Dbench.memory.histograms=DIR on the bench writes the kiosk's class
        // histograms there, -Dbench.memory.flags="..." adds JVM flags to the kiosk process
        String histograms = System.getProperty(MemoryKiosk.HISTOGRAMS);
        if (histograms != null) {
            command.add("-D" + MemoryKiosk.HISTOGRAMS + "=" + Path.of(histograms).toAbsolutePath()
                    .resolve(log.getFileName().toString().replace(".log", "")));
        }
        String natives = System.getProperty(MemoryKiosk.NATIVE);
        if (natives != null) {
            command.add("-D" + MemoryKiosk.NATIVE + "=" + Path.of(natives).toAbsolutePath()
                    .resolve(log.getFileName().toString().replace(".log", "")));
        }
        String more = System.getProperty("bench.memory.flags");
        if (more != null && !more.isBlank()) {
            command.addAll(List.of(more.trim().split("\\s+")));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MemoryKiosk.class.getName());
        command.add(properties.toString());
        command.add(Integer.toString(transactions));
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        // -Dbench.memory.env="NAME=VALUE ..." sets environment variables of the kiosk process (glibc's malloc tunables)
        String env = System.getProperty("bench.memory.env");
        if (env != null && !env.isBlank()) {
            for (String pair : env.trim().split("\\s+")) {
                int eq = pair.indexOf('=');
                builder.environment().put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        Process process = builder.start();
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
