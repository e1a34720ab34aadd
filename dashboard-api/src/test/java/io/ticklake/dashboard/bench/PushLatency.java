package io.ticklake.dashboard.bench;

import java.util.Arrays;

/** The tick-to-frame latencies of one kind of KPI update (provisional or confirmed): count and percentiles. */
record PushLatency(long updates, double p50Ms, double p99Ms, double maxMs) {

    static PushLatency of(long[] latencies) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new PushLatency(sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
    }
}
