package jp.certkiosk.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.certkiosk.app.journal.Journal;
import jp.certkiosk.app.journal.JournalEntry;
import jp.certkiosk.sim.IssuedCard;

/**
 * Issuances per second of eight kiosks, each with its own card, TLS identity, journal and printer,
 * all at once against one simulator.
 */
public final class ThroughputBench {
    public static final List<String> CARDS = List.of("adult", "spouse", "foreign", "single", "village",
            "village-spouse", "aoba-head", "aoba-spouse");

    /**
     * {@code cpuSeconds}: this process's CPU time over the run (eight kiosks and the simulator);
     * {@code journalSeconds}, {@code journalRows}: the kiosks' time in durable journal writes over
     * the run (each row is synced to the disk before the kiosk goes on) and how many rows.
     */
    public record Result(int issuances, double seconds, double cpuSeconds, double journalSeconds, long journalRows) {
        public double perSecond() {
            return issuances / seconds;
        }

        public double cpuMsPerIssuance() {
            return cpuSeconds * 1000 / issuances;
        }

        public double journalMsPerIssuance() {
            return journalSeconds * 1000 / issuances;
        }

        public double journalMsPerRow() {
            return journalRows == 0 ? 0 : journalSeconds * 1000 / journalRows;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private ThroughputBench() {}

    public static Result run(BenchEndpoint endpoint, int warmupPerKiosk, int perKiosk) throws Exception {
        int kiosks = CARDS.size();
        JournalTiming timing = new JournalTiming();
        CyclicBarrier start = new CyclicBarrier(kiosks + 1);
        CyclicBarrier end = new CyclicBarrier(kiosks + 1);
        ExecutorService pool = Executors.newFixedThreadPool(kiosks);
        List<Future<Integer>> runs = new ArrayList<>();
        try {
            for (int k = 0; k < kiosks; k++) {
                IssuedCard card = endpoint.card(CARDS.get(k));
                String kioskId = "kiosk-bench-load-" + k;
                runs.add(pool.submit(() -> {
                    try (BenchKiosk kiosk = new BenchKiosk(endpoint.kiosk(kioskId), Clock.systemUTC(),
                            journal -> new TimedJournal(journal, timing))) {
                        for (int i = 0; i < warmupPerKiosk; i++) {
                            kiosk.issue(card.profile(), card.pin());
                        }
                        start.await(10, TimeUnit.MINUTES);
                        for (int i = 0; i < perKiosk; i++) {
                            kiosk.issue(card.profile(), card.pin());
                        }
                        end.await(10, TimeUnit.MINUTES);
                        return perKiosk;
                    } catch (Exception | Error e) {
                        start.reset();
                        end.reset();
                        throw e;
                    }
                }));
            }
            start.await(10, TimeUnit.MINUTES);
            long began = System.nanoTime();
            long cpuBegan = processCpuNanos();
            timing.reset();
            end.await(20, TimeUnit.MINUTES);
            long took = System.nanoTime() - began;
            long cpu = processCpuNanos() - cpuBegan;
            long journalNanos = timing.nanos.sum();
            long journalRows = timing.rows.sum();
            int issued = 0;
            for (Future<Integer> run : runs) {
                issued += run.get();
            }
            return new Result(issued, took / 1e9, cpu / 1e9, journalNanos / 1e9, journalRows);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Time in the kiosks' durable journal writes, summed over the kiosks. */
    private static final class JournalTiming {
        final java.util.concurrent.atomic.LongAdder nanos = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder rows = new java.util.concurrent.atomic.LongAdder();

        void reset() {
            nanos.reset();
            rows.reset();
        }
    }

    /** A kiosk's journal, timed: every row as the kiosk writes it, nothing changed. */
    private record TimedJournal(Journal journal, JournalTiming timing) implements Journal {
        @Override
        public void record(JournalEntry entry) {
            long start = System.nanoTime();
            try {
                journal.record(entry);
            } finally {
                timing.nanos.add(System.nanoTime() - start);
                timing.rows.increment();
            }
        }

        @Override
        public List<JournalEntry> entries() {
            return journal.entries();
        }
    }
}
