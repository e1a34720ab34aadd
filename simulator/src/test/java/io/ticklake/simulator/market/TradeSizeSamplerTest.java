package io.ticklake.simulator.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class TradeSizeSamplerTest {

    @Test
    void sizesHaveAPowerLawTail() {
        int minSize = 10;
        TradeSizeSampler sampler = new TradeSizeSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(3L), minSize);
        int n = 1_000_000;
        long above100x = 0;
        long above10x = 0;
        long roundLots = 0;
        long atLeastLot = 0;
        DescriptiveStatistics stats = new DescriptiveStatistics();
        for (int i = 0; i < n; i++) {
            long size = sampler.sample();
            assertThat(size).isBetween(1L, TradeSizeSampler.MAX_SIZE);
            stats.addValue(size);
            above10x += size >= 10 * minSize ? 1 : 0;
            above100x += size >= 100 * minSize ? 1 : 0;
            if (size >= 100) {
                atLeastLot++;
                roundLots += size % 100 == 0 ? 1 : 0;
            }
        }
        // Pareto(shape 1.5): P(X >= k·min) = k^-1.5, so the tail falls by 10^1.5 ≈ 31.6 per decade.
        assertThat((double) above10x / n).isBetween(0.9 * Math.pow(10, -1.5), 1.1 * Math.pow(10, -1.5));
        assertThat((double) above10x / above100x).isBetween(22.0, 45.0);
        assertThat(stats.getPercentile(50)).isBetween(13.0, 19.0);
        assertThat(stats.getMax()).as("blocks far above the median occur").isGreaterThan(1000 * stats.getPercentile(50));
        assertThat((double) roundLots / atLeastLot).as("share of round lots among lot-sized trades").isBetween(0.35, 0.5);
    }
}
