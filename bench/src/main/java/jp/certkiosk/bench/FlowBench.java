package jp.certkiosk.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.certkiosk.sim.IssuedCard;

/**
 * PIN → print job accepted, in process: one kiosk, the simulator over loopback mutual TLS, the
 * in-process virtual card, the file printer and the H2 journal. Also counts the card's APDUs and
 * bytes per authentication and the PDF parses per print.
 */
public final class FlowBench {
    public static final String CARD = "adult";

    public record Result(List<Long> pinToJob, List<Long> pinToJobCpu, Map<String, List<Long>> steps, BenchKiosk.Transaction sample) {}

    private FlowBench() {}

    public static Result run(BenchEndpoint endpoint, int warmup, int measured) {
        IssuedCard card = endpoint.card(CARD);
        String kioskId = "kiosk-bench-flow";
        try (BenchKiosk kiosk = new BenchKiosk(endpoint.kiosk(kioskId), Clock.systemUTC())) {
            for (int i = 0; i < warmup; i++) {
                kiosk.issue(card.profile(), card.pin());
            }
            List<Long> totals = new ArrayList<>();
            List<Long> cpu = new ArrayList<>();
            Map<String, List<Long>> steps = new LinkedHashMap<>();
            BenchKiosk.Transaction last = null;
            for (int i = 0; i < measured; i++) {
                last = kiosk.issue(card.profile(), card.pin());
                totals.add(last.pinToJobNanos());
                cpu.add(last.pinToJobCpuNanos());
                last.stepNanos().forEach((step, nanos) -> steps.computeIfAbsent(step, s -> new ArrayList<>()).add(nanos));
            }
            return new Result(totals, cpu, steps, last);
        }
    }
}
