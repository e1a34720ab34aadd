package io.ticklake.simulator.inject;

import java.time.Duration;

/**
 * Rates (per source tick, 0..1) of the test-data irregularities.
 *
 * @param lateRate        share of ticks whose event time is set back by {@code lateBy}
 * @param lateBy          how far a late tick's event time goes back
 * @param outOfOrderRate  share of ticks held back until after the next tick of their symbol
 * @param duplicateRate   share of ticks sent twice
 * @param invalidRate     share of ticks followed by an invalid copy
 * @param seed            fixes which ticks are picked
 */
public record InjectionSettings(double lateRate, Duration lateBy, double outOfOrderRate, double duplicateRate,
                                double invalidRate, long seed) {

    /** No injection. */
    public static final InjectionSettings NONE = new InjectionSettings(0, Duration.ofMinutes(5), 0, 0, 0, 0);

    public InjectionSettings {
        requireRate("lateRate", lateRate);
        requireRate("outOfOrderRate", outOfOrderRate);
        requireRate("duplicateRate", duplicateRate);
        requireRate("invalidRate", invalidRate);
        if (lateBy == null || lateBy.isNegative()) {
            throw new IllegalArgumentException("lateBy must be a duration >= 0, was " + lateBy);
        }
    }

    /** Whether any irregularity is asked for. */
    public boolean active() {
        return lateRate > 0 || outOfOrderRate > 0 || duplicateRate > 0 || invalidRate > 0;
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + rate);
        }
    }
}
