package jp.certkiosk.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of a sample, nearest-rank. */
public final class Stats {
    private Stats() {}

    public static double percentile(List<Long> sample, double p) {
        if (sample.isEmpty()) {
            throw new IllegalArgumentException("an empty sample has no percentile");
        }
        long[] sorted = sample.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static double ms(double nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
