package io.ticklake.e2e.kafka;

/**
 * The platform's three topics under a test's own prefix, so tests sharing one broker never see each
 * other's records.
 */
public record Topics(String ticks, String kpis, String dlq) {

    public static final int PARTITIONS = 6;

    /** The platform's own topics, which {@code ./ticklake run} uses. */
    public static Topics shipped() {
        return prefixed("");
    }

    /** {@code <prefix>stock-ticks}, {@code <prefix>stock-kpis}, {@code <prefix>stock-ticks-dlq}. */
    public static Topics prefixed(String prefix) {
        return new Topics(prefix + "stock-ticks", prefix + "stock-kpis", prefix + "stock-ticks-dlq");
    }
}
