package io.ticklake.simulator.market;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.InverseTransformParetoSampler;

/**
 * Trade sizes with the heavy tail real tape shows: mostly small and odd-lot trades, now and then a
 * block orders of magnitude larger. Sizes are Pareto distributed (shape 1.5: finite mean, infinite
 * variance); sizes of a round lot and more are often rounded to whole lots, as most such orders are.
 */
public final class TradeSizeSampler {

    /** Pareto shape: below 2 the variance is infinite, which is what makes the tail heavy. */
    public static final double SHAPE = 1.5;
    /** No single simulated trade is larger than this; keeps one draw from dwarfing a whole day's volume. */
    public static final long MAX_SIZE = 1_000_000L;
    private static final int ROUND_LOT = 100;
    private static final double ROUND_LOT_SHARE = 0.4;

    private final ContinuousSampler pareto;
    private final UniformRandomProvider rng;

    /**
     * @param rng     the simulation's random source (shared, so a seed fixes every draw)
     * @param minSize the Pareto scale: the smallest usual trade
     */
    public TradeSizeSampler(UniformRandomProvider rng, int minSize) {
        this.rng = rng;
        this.pareto = InverseTransformParetoSampler.of(rng, minSize, SHAPE);
    }

    /** The size of the next trade, between 1 and {@link #MAX_SIZE}. */
    public long sample() {
        double raw = pareto.sample();
        long size = raw >= MAX_SIZE ? MAX_SIZE : Math.max(1L, Math.round(raw));
        if (size >= ROUND_LOT && rng.nextDouble() < ROUND_LOT_SHARE) {
            size = Math.round((double) size / ROUND_LOT) * ROUND_LOT;
        }
        return size;
    }
}
