package io.ticklake.bench.peers;

import java.util.Arrays;

/** Medians and percentiles of measured values. */
final class Stats {

    private Stats() {
    }

    /** Median; NaN for no values (NaN values are ignored). */
    static double median(double[] values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Nearest-rank percentile of ascending values; NaN for none. */
    static double percentile(double[] ascending, double percentile) {
        if (ascending.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * ascending.length) - 1;
        return ascending[Math.max(0, Math.min(ascending.length - 1, index))];
    }
}
