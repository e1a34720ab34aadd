package io.ticklake.simulator.market;

/**
 * The market's tempo. Real tape alternates between ordinary trading, bursts (news, opening
 * auctions, sweeps) and quiet spells; each regime scales the tick rate and lasts an exponentially
 * distributed time.
 */
public enum MarketRegime {

    NORMAL(1.0, 30.0),
    BURST(5.0, 4.0),
    QUIET(0.15, 15.0);

    private final double rateMultiplier;
    private final double meanDurationSeconds;

    MarketRegime(double rateMultiplier, double meanDurationSeconds) {
        this.rateMultiplier = rateMultiplier;
        this.meanDurationSeconds = meanDurationSeconds;
    }

    public double rateMultiplier() {
        return rateMultiplier;
    }

    public double meanDurationSeconds() {
        return meanDurationSeconds;
    }
}
