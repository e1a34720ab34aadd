package io.ticklake.infra.bench;

/**
 * One row of the benchmark table, as every harness writes it (one JSON object per line) and
 * {@code ./ticklake bench} assembles it: no harness output is parsed from a log.
 *
 * @param harness     which harness measured it
 * @param metric      what was measured; "shipped" in the name when it ran the configuration {@code ./ticklake run} starts
 * @param value       the headline value (for a latency: the p99)
 * @param unit        of {@code value}, {@code p50}, {@code p99} and {@code max}
 * @param target      the target as text ({@code ≤ 50}), empty without one
 * @param met         whether the target is met; null without a target
 * @param p50         median, null when not a distribution
 * @param p99         99th percentile, null when not a distribution
 * @param max         maximum, null when not a distribution
 * @param count       how many events the distribution holds (every one counted), or null
 * @param loadAverage the 1-minute load average when the measurement ended
 * @param machine     cores, memory and Java of the machine
 */
public record BenchRow(String harness, String metric, double value, String unit, String target, Boolean met,
                       Double p50, Double p99, Double max, Long count, double loadAverage, String machine) {

    /**
     * A single figure (no distribution) measured just now, on this machine; {@code target} like {@code ≥ 100,000}
     * or {@code ≤ 50} (empty: none) decides {@code met}.
     */
    public static BenchRow figure(String harness, String metric, double value, String unit, String target) {
        return new BenchRow(harness, metric, value, unit, target, meets(value, target), null, null, null, null,
                Machine.loadAverage(), Machine.describe());
    }

    /** Whether {@code value} meets {@code target} ({@code ≥ N} or {@code ≤ N}, N with or without thousands commas). */
    public static Boolean meets(double value, String target) {
        if (target.isEmpty()) {
            return null;
        }
        double limit = Double.parseDouble(target.substring(1).replace(",", "").strip());
        return switch (target.charAt(0)) {
            case '≥' -> value >= limit;
            case '≤' -> value <= limit;
            default -> throw new IllegalArgumentException("a target is '≥ N' or '≤ N', got '" + target + "'");
        };
    }
}
