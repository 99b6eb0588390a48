package jp.certkiosk.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jp.certkiosk.app.demo.VirtualCardProfiles;
import jp.certkiosk.app.journal.H2Journal;
import jp.certkiosk.config.KioskConfig;
import jp.certkiosk.config.KioskConfigLoader;
import jp.certkiosk.sim.IssuedCard;

/**
 * The kiosk process of the memory figure: a kiosk built from a configuration file, talking to a
 * simulator in another process, issuing {@code N} copies in a row. After each issuance it prints
 * {@code rss <i> <bytes>}; at the end also {@code heap <i> <bytes>}, the heap in use after a full
 * collection (only at the end: a collection half way could give memory back and hide growth).
 *
 * <pre>java -cp bench.jar jp.certkiosk.bench.MemoryKiosk KIOSK.PROPERTIES DATA_DIR N [CARD]</pre>
 */
public final class MemoryKiosk {
    private MemoryKiosk() {}

    public static void main(String[] args) throws Exception {
        BenchMain.quietLibraries();
        KioskConfig config = KioskConfigLoader.load(Path.of(args[0]));
        VirtualCardProfiles profiles = VirtualCardProfiles.open(Path.of(args[1]), Clock.systemUTC());
        int n = Integer.parseInt(args[2]);
        String cardName = args.length > 3 ? args[3] : FlowBench.CARD;
        List<IssuedCard> cards = new ArrayList<>();
        for (VirtualCardProfiles.Profile p : profiles.inOrder()) {
            cards.add(new IssuedCard(p.name(), p.pin(), p.key().privateKey(), p.key().certificate(), p.key().issuer()));
        }
        IssuedCard card = cards.stream().filter(c -> c.profile().equals(cardName)).findFirst().orElseThrow();
        long pid = ProcessHandle.current().pid();
        try (H2Journal journal = H2Journal.open(config.journalDirectory());
             BenchKiosk kiosk = new BenchKiosk(config, cards, journal, Clock.systemUTC())) {
            for (int i = 1; i <= n; i++) {
                kiosk.issue(card.profile(), card.pin());
                System.out.println("rss " + i + " " + Machine.rssBytes(pid));
                if (i == n) {
                    System.gc();
                    System.out.println("heap " + i + " "
                            + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                }
            }
        }
    }
}
