package jp.certkiosk.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.certkiosk.sim.IssuedCard;

/**
 * Issuances per second of eight kiosks, each with its own card, TLS identity, journal and printer,
 * all at once against one simulator.
 */
public final class ThroughputBench {
    public static final List<String> CARDS = List.of("adult", "spouse", "foreign", "single", "village",
            "village-spouse", "aoba-head", "aoba-spouse");

    /** {@code cpuSeconds}: this process's CPU time over the run (eight kiosks and the simulator). */
    public record Result(int issuances, double seconds, double cpuSeconds) {
        public double perSecond() {
            return issuances / seconds;
        }

        public double cpuMsPerIssuance() {
            return cpuSeconds * 1000 / issuances;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private ThroughputBench() {}

    public static Result run(BenchEndpoint endpoint, int warmupPerKiosk, int perKiosk) throws Exception {
        int kiosks = CARDS.size();
        CyclicBarrier start = new CyclicBarrier(kiosks + 1);
        CyclicBarrier end = new CyclicBarrier(kiosks + 1);
        ExecutorService pool = Executors.newFixedThreadPool(kiosks);
        List<Future<Integer>> runs = new ArrayList<>();
        try {
            for (int k = 0; k < kiosks; k++) {
                IssuedCard card = endpoint.card(CARDS.get(k));
                String kioskId = "kiosk-bench-load-" + k;
                runs.add(pool.submit(() -> {
                    try (BenchKiosk kiosk = new BenchKiosk(endpoint.kiosk(kioskId), Clock.systemUTC())) {
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
            end.await(20, TimeUnit.MINUTES);
            long took = System.nanoTime() - began;
            long cpu = processCpuNanos() - cpuBegan;
            int issued = 0;
            for (Future<Integer> run : runs) {
                issued += run.get();
            }
            return new Result(issued, took / 1e9, cpu / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
