package io.ticklake.simulator.market;

/**
 * A geometric Brownian motion price, stepped with its exact solution
 * {@code S(t+dt) = S(t) · exp((μ − σ²/2)·dt + σ·√dt·Z)}, so log returns are normal with mean
 * {@code (μ − σ²/2)·dt} and variance {@code σ²·dt} whatever the step size.
 */
public final class GbmPriceProcess {

    private final double drift;
    private final double volatility;
    private final double driftCorrection;
    private double price;

    /**
     * @param initialPrice starting price, {@code > 0}
     * @param drift        μ per time unit of {@code dt}
     * @param volatility   σ per square root of the time unit
     */
    public GbmPriceProcess(double initialPrice, double drift, double volatility) {
        if (!(initialPrice > 0)) {
            throw new IllegalArgumentException("initialPrice must be > 0, was " + initialPrice);
        }
        this.price = initialPrice;
        this.drift = drift;
        this.volatility = volatility;
        this.driftCorrection = drift - 0.5 * volatility * volatility;
    }

    /**
     * Advances the price by {@code dt} time units.
     *
     * @param dt             elapsed time, {@code >= 0}
     * @param standardNormal a draw from N(0, 1)
     * @return the new price
     */
    public double step(double dt, double standardNormal) {
        if (dt > 0) {
            price *= Math.exp(driftCorrection * dt + volatility * Math.sqrt(dt) * standardNormal);
        }
        return price;
    }

    public double price() {
        return price;
    }

    public double drift() {
        return drift;
    }

    public double volatility() {
        return volatility;
    }
}
