package io.ticklake.simulator.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The GBM's log returns have the textbook distribution, checked over many steps with tolerances of
 * four standard errors of each estimate: a wrong drift correction, a missing √dt or a biased sampler fails.
 */
class GbmPriceProcessTest {

    private static final int STEPS = 200_000;

    @Test
    void logReturnsAreNormalWithGbmMeanAndVariance() {
        double mu = 0.10;
        double sigma = 0.30;
        double dt = 0.5;
        double[] returns = logReturns(mu, sigma, dt, 7L);
        DescriptiveStatistics stats = new DescriptiveStatistics(returns);

        double expectedMean = (mu - sigma * sigma / 2) * dt;
        double expectedVariance = sigma * sigma * dt;
        assertThat(stats.getMean()).isCloseTo(expectedMean, within(4 * Math.sqrt(expectedVariance / STEPS)));
        assertThat(stats.getVariance()).isCloseTo(expectedVariance,
                within(4 * expectedVariance * Math.sqrt(2.0 / STEPS)));
        assertThat(stats.getSkewness()).isCloseTo(0.0, within(4 * Math.sqrt(6.0 / STEPS)));
        assertThat(stats.getKurtosis()).as("excess kurtosis").isCloseTo(0.0, within(4 * Math.sqrt(24.0 / STEPS)));
        double pValue = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(
                new NormalDistribution(expectedMean, Math.sqrt(expectedVariance)), returns);
        assertThat(pValue).as("Kolmogorov-Smirnov p-value against the GBM's normal").isGreaterThan(0.001);
    }

    @Test
    void grossReturnsGrowAtTheDriftRate() {
        double mu = 0.20;
        double sigma = 0.25;
        double dt = 1.0;
        DescriptiveStatistics gross = new DescriptiveStatistics();
        for (double logReturn : logReturns(mu, sigma, dt, 11L)) {
            gross.addValue(Math.exp(logReturn));
        }
        // E[S(t+dt)/S(t)] = exp(μ·dt), with standard deviation exp(μ·dt)·sqrt(exp(σ²·dt) − 1).
        double expected = Math.exp(mu * dt);
        double error = expected * Math.sqrt(Math.exp(sigma * sigma * dt) - 1) / Math.sqrt(STEPS);
        assertThat(gross.getMean()).isCloseTo(expected, within(4 * error));
    }

    @Test
    void varianceScalesWithTheStepSize() {
        double sigma = 0.40;
        double dt = 1e-6;
        DescriptiveStatistics stats = new DescriptiveStatistics(logReturns(0.05, sigma, dt, 3L));
        double expectedVariance = sigma * sigma * dt;
        assertThat(stats.getVariance()).isCloseTo(expectedVariance,
                within(4 * expectedVariance * Math.sqrt(2.0 / STEPS)));
    }

    @Test
    void aZeroStepLeavesThePriceAndABadStartIsRefused() {
        GbmPriceProcess process = new GbmPriceProcess(42.5, 0.1, 0.3);
        assertThat(process.step(0, 3.0)).isEqualTo(42.5);
        assertThatThrownBy(() -> new GbmPriceProcess(0, 0.1, 0.2)).hasMessageContaining("initialPrice");
    }

    @Test
    void stepsCompoundOnTheCurrentPrice() {
        GbmPriceProcess process = new GbmPriceProcess(100, 0.1, 0.2);
        double first = process.step(0.25, 1.0);
        double second = process.step(0.25, -0.5);
        double drift = (0.1 - 0.02) * 0.25;
        assertThat(first).isCloseTo(100 * Math.exp(drift + 0.2 * 0.5 * 1.0), within(1e-9));
        assertThat(second).isCloseTo(first * Math.exp(drift + 0.2 * 0.5 * -0.5), within(1e-9));
        assertThat(process.price()).isEqualTo(second);
    }

    /**
     * Log returns of {@link #STEPS} steps of length {@code dt}, each from a process restarted at 100, so
     * the long run's drift cannot overflow the price (the steps are independent either way).
     */
    private static double[] logReturns(double mu, double sigma, double dt, long seed) {
        ContinuousSampler gaussian = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        double[] returns = new double[STEPS];
        for (int i = 0; i < STEPS; i++) {
            GbmPriceProcess process = new GbmPriceProcess(100, mu, sigma);
            returns[i] = Math.log(process.step(dt, gaussian.sample()) / 100);
        }
        return returns;
    }
}
