package io.ticklake.bench.peers;

import java.util.Arrays;

/** Medians of measured values (over a benchmark's runs). */
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
}
