package io.ticklake.simulator.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ArrivalProcessTest {

    @Test
    void longRunRateIsTheConfiguredRate() {
        double rate = 20;
        ArrivalProcess arrivals = new ArrivalProcess(RandomSource.XO_RO_SHI_RO_128_PP.create(5L), rate);
        int ticks = 2_000_000;
        double elapsed = 0;
        for (int i = 0; i < ticks; i++) {
            elapsed += arrivals.nextGapSeconds();
        }
        assertThat(ticks / elapsed).isCloseTo(rate, within(rate * 0.04));
    }

    @Test
    void ticksComeInBurstsAndQuietSpells() {
        double rate = 20;
        ArrivalProcess arrivals = new ArrivalProcess(RandomSource.XO_RO_SHI_RO_128_PP.create(9L), rate);
        int seconds = 50_000;
        int[] perSecond = new int[seconds];
        Set<MarketRegime> seen = EnumSet.noneOf(MarketRegime.class);
        double clock = 0;
        while (true) {
            clock += arrivals.nextGapSeconds();
            if (clock >= seconds) {
                break;
            }
            perSecond[(int) clock]++;
            seen.add(arrivals.regime());
        }
        DescriptiveStatistics counts = new DescriptiveStatistics();
        for (int count : perSecond) {
            counts.addValue(count);
        }
        // A plain Poisson process has variance == mean; regime switching makes it far larger.
        assertThat(counts.getVariance() / counts.getMean()).as("index of dispersion").isGreaterThan(3);
        assertThat(counts.getMax()).as("busiest second").isGreaterThan(3 * rate);
        assertThat(counts.getPercentile(10)).as("quietest tenth of seconds").isLessThan(rate / 4);
        assertThat(seen).containsExactlyInAnyOrder(MarketRegime.values());
    }

    @Test
    void refusesANonPositiveRate() {
        assertThatThrownBy(() -> new ArrivalProcess(RandomSource.XO_RO_SHI_RO_128_PP.create(1L), 0))
                .hasMessageContaining("ticksPerSecond");
    }
}
