package jp.certkiosk.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import jp.certkiosk.app.card.VirtualCard;
import jp.certkiosk.config.KioskConfig;
import jp.certkiosk.config.KioskConfigLoader;

/**
 * The kiosk process of the memory figure: a kiosk built from its configuration file, talking to a
 * simulator in another process, issuing {@code N} copies in a row with one of its virtual cards.
 * After each issuance it prints {@code rss <i> <bytes>}; at the end also {@code heap <i> <bytes>},
 * the heap in use after a full collection (only at the end: a collection half way could give
 * memory back and hide growth).
 *
 * <pre>java -cp bench.jar jp.certkiosk.bench.MemoryKiosk KIOSK.PROPERTIES N [CARD]</pre>
 */
public final class MemoryKiosk {
    /**
     * A directory: when set, the heap's class histogram (live objects, after a full collection) is
     * written there at the middle and at the end of the run, to tell what the last half added.
     */
    static final String HISTOGRAMS = "bench.memory.histograms";

    /**
     * A directory: when set, the kiosk writes there, every tenth of the run, a line of its
     * memory pools and class counts ({@code pools.tsv}); and when the kiosk runs with
     * {@code -XX:NativeMemoryTracking=summary}, a native memory baseline at 30 % of the run and
     * the difference from it at 60 % and at the end ({@code nmt-diff-I.txt}): what the JVM's own
     * native memory added, by category, between two points of a warm kiosk.
     */
    static final String NATIVE = "bench.memory.native";

    private MemoryKiosk() {}

    private static void histogram(Path file) throws Exception {
        Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, text.toString());
    }

    private static String diagnostic(String operation, String... arguments) throws Exception {
        return ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                new Object[] {arguments}, new String[] {String[].class.getName()}).toString();
    }

    /** One line of {@code pools.tsv}: issuance, RSS, classes, and each non-heap pool's used and committed bytes. */
    private static void pools(Path dir, int i, long rss) throws Exception {
        java.util.List<java.lang.management.MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans()
                .stream().filter(p -> p.getType() == java.lang.management.MemoryType.NON_HEAP).toList();
        Path file = dir.resolve("pools.tsv");
        java.nio.file.Files.createDirectories(dir);
        StringBuilder line = new StringBuilder();
        if (!java.nio.file.Files.exists(file)) {
            line.append("issuance\trss\trss_anon\trss_file\tcpu_ns\tclasses_loaded\tclasses_unloaded");
            pools.forEach(p -> line.append('\t').append(p.getName()).append(" used\t")
                    .append(p.getName()).append(" committed"));
            line.append('\n');
        }
        java.lang.management.ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        line.append(i).append('\t').append(rss).append('\t').append(Machine.status("RssAnon"))
                .append('\t').append(Machine.status("RssFile")).append('\t').append(cpu)
                .append('\t').append(classes.getLoadedClassCount())
                .append('\t').append(classes.getUnloadedClassCount());
        pools.forEach(p -> line.append('\t').append(p.getUsage().getUsed())
                .append('\t').append(p.getUsage().getCommitted()));
        line.append('\n');
        java.nio.file.Files.writeString(file, line, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /**
     * The process's mappings with 512 kB or more resident, by address, from {@code /proc/self/smaps}:
     * which one (heap, code cache, metaspace, malloc arena, library) the resident memory is in.
     */
    private static void mappings(Path file) throws java.io.IOException {
        StringBuilder out = new StringBuilder("range\tsize_kB\trss_kB\tname\n");
        String range = null;
        String name = "";
        long size = 0;
        for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/smaps"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 5 && f[0].contains("-") && f[0].matches("[0-9a-f]+-[0-9a-f]+")) {
                range = f[0];
                name = f.length >= 6 ? f[5] : "[anon]";
            } else if (f[0].equals("Size:")) {
                size = Long.parseLong(f[1]);
            } else if (f[0].equals("Rss:") && Long.parseLong(f[1]) >= 512) {
                out.append(range).append('\t').append(size).append('\t').append(f[1]).append('\t').append(name).append('\n');
            }
        }
        java.nio.file.Files.writeString(file, out);
    }

    /** At 30 % a native memory baseline, at 60 % and at the end the difference from it (NMT on only). */
    private static void nativeMemory(Path dir, int i, int n) throws Exception {
        boolean tracking = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-XX:NativeMemoryTracking=") && !a.endsWith("=off"));
        if (!tracking) {
            return;
        }
        if (i == n * 3 / 10) {
            java.nio.file.Files.writeString(dir.resolve("nmt-baseline-" + i + ".txt"),
                    diagnostic("vmNativeMemory", "summary"));
            diagnostic("vmNativeMemory", "baseline");
        } else if (i == n * 6 / 10 || i == n) {
            java.nio.file.Files.writeString(dir.resolve("nmt-diff-" + i + ".txt"),
                    diagnostic("vmNativeMemory", "summary.diff"));
        }
    }

    public static void main(String[] args) throws Exception {
        BenchMain.quietLibraries();
        KioskConfig config = KioskConfigLoader.load(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        String cardName = args.length > 2 ? args[2] : FlowBench.CARD;
        VirtualCard card = VirtualCard.readAll(config.reader().virtualCards()).stream()
                .filter(c -> c.name().equals(cardName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no virtual card " + cardName));
        long pid = ProcessHandle.current().pid();
        String histogramDir = System.getProperty(HISTOGRAMS);
        Path histograms = histogramDir == null ? null : Path.of(histogramDir);
        String nativeDir = System.getProperty(NATIVE);
        Path natives = nativeDir == null ? null : Path.of(nativeDir);
        try (BenchKiosk kiosk = new BenchKiosk(config, Clock.systemUTC())) {
            for (int i = 1; i <= n; i++) {
                kiosk.issue(card.name(), card.pin());
                long rss = Machine.rssBytes(pid);
                System.out.println("rss " + i + " " + rss);
                if (natives != null) {
                    if (i == 1 || n >= 10 && i % (n / 10) == 0) {
                        pools(natives, i, rss);
                    }
                    if (i == 1 || i == n * 3 / 10 || i == n * 6 / 10 || i == n) {
                        mappings(natives.resolve("smaps-" + i + ".tsv"));
                    }
                    nativeMemory(natives, i, n);
                }
                if (histograms != null && (i == n / 2 || i == n)) {
                    histogram(histograms.resolve("histogram-" + i + ".txt"));
                }
                if (i == n) {
                    System.gc();
                    System.out.println("heap " + i + " "
                            + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                }
            }
        }
    }
}
