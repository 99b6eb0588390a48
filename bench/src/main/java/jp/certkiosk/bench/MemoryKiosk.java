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

    private MemoryKiosk() {}

    private static void histogram(Path file) throws Exception {
        Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, text.toString());
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
        try (BenchKiosk kiosk = new BenchKiosk(config, Clock.systemUTC())) {
            for (int i = 1; i <= n; i++) {
                kiosk.issue(card.name(), card.pin());
                System.out.println("rss " + i + " " + Machine.rssBytes(pid));
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
