package io.ticklake.simulator.market;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * When ticks happen: a Markov-modulated Poisson process. Inside a regime ticks arrive as a Poisson
 * process; regimes switch NORMAL → BURST or QUIET (even odds) → NORMAL. The base rate is scaled so
 * the long-run average is exactly the configured rate, whatever the regime mix.
 */
public final class ArrivalProcess {

    private static final double BURST_SHARE = 0.5;

    private final UniformRandomProvider rng;
    private final ContinuousSampler exponential;
    private final double baseRate;
    private MarketRegime regime = MarketRegime.NORMAL;
    private double regimeRemainingSeconds;

    /**
     * @param rng            the simulation's random source
     * @param ticksPerSecond long-run average rate, {@code > 0}
     */
    public ArrivalProcess(UniformRandomProvider rng, double ticksPerSecond) {
        if (!(ticksPerSecond > 0) || !Double.isFinite(ticksPerSecond)) {
            throw new IllegalArgumentException("ticksPerSecond must be a finite number > 0, was " + ticksPerSecond);
        }
        this.rng = rng;
        this.exponential = ZigguratSampler.Exponential.of(rng);
        this.baseRate = ticksPerSecond / averageMultiplier();
        this.regimeRemainingSeconds = duration(regime);
    }

    /**
     * The time-weighted mean rate multiplier of the regime cycle. Per cycle NORMAL is visited once and
     * BURST / QUIET with their shares, so each regime's time share is its visit rate times its mean duration.
     */
    static double averageMultiplier() {
        double normal = MarketRegime.NORMAL.meanDurationSeconds();
        double burst = BURST_SHARE * MarketRegime.BURST.meanDurationSeconds();
        double quiet = (1 - BURST_SHARE) * MarketRegime.QUIET.meanDurationSeconds();
        return (normal * MarketRegime.NORMAL.rateMultiplier() + burst * MarketRegime.BURST.rateMultiplier()
                + quiet * MarketRegime.QUIET.rateMultiplier()) / (normal + burst + quiet);
    }

    /** Seconds until the next tick. */
    public double nextGapSeconds() {
        double gap = 0;
        while (true) {
            double candidate = exponential.sample() / (baseRate * regime.rateMultiplier());
            if (candidate <= regimeRemainingSeconds) {
                regimeRemainingSeconds -= candidate;
                return gap + candidate;
            }
            // Poisson arrivals are memoryless: at a regime switch the pending gap restarts at the new rate.
            gap += regimeRemainingSeconds;
            regime = nextRegime();
            regimeRemainingSeconds = duration(regime);
        }
    }

    public MarketRegime regime() {
        return regime;
    }

    private MarketRegime nextRegime() {
        if (regime != MarketRegime.NORMAL) {
            return MarketRegime.NORMAL;
        }
        return rng.nextDouble() < BURST_SHARE ? MarketRegime.BURST : MarketRegime.QUIET;
    }

    private double duration(MarketRegime r) {
        return exponential.sample() * r.meanDurationSeconds();
    }
}
