package io.ticklake.simulator.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.tick.SourceNames;
import io.ticklake.simulator.tick.TickValidator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class MarketSimulatorTest {

    private static final Instant START = Instant.parse("2026-11-20T14:30:00Z");

    @Test
    void theSameSeedGivesTheSameTicks() {
        SimulationSettings settings = SimulationSettings.defaults(500, 42L, START);
        assertThat(take(new MarketSimulator(settings), 20_000)).isEqualTo(take(new MarketSimulator(settings), 20_000));
    }

    @Test
    void anotherSeedGivesOtherTicks() {
        List<StockTick> one = take(new MarketSimulator(SimulationSettings.defaults(500, 1L, START)), 1000);
        List<StockTick> two = take(new MarketSimulator(SimulationSettings.defaults(500, 2L, START)), 1000);
        assertThat(one).isNotEqualTo(two);
        assertThat(one.stream().map(StockTick::getPrice).toList())
                .isNotEqualTo(two.stream().map(StockTick::getPrice).toList());
    }

    @Test
    void ticksKeepTheContractWithPerSymbolSequencesAndQuotesAroundTheTrade() {
        List<StockTick> ticks = take(new MarketSimulator(
                new SimulationSettings(DefaultSymbols.profiles(), 1000, 9L, START, 100)), 50_000);
        Map<String, Long> lastSequence = new HashMap<>();
        Instant lastTime = START;
        for (StockTick tick : ticks) {
            assertThat(TickValidator.violation(tick)).isEmpty();
            assertThat(tick.getSource()).isEqualTo(SourceNames.SIMULATOR);
            assertThat(tick.getBid()).isLessThanOrEqualTo(tick.getPrice()).isLessThan(tick.getAsk());
            assertThat(tick.getAsk()).isGreaterThanOrEqualTo(tick.getPrice());
            assertThat(tick.getAsk() - tick.getBid()).isLessThan(tick.getPrice() * 3e-4 + 0.03);
            assertThat(tick.getPrice() * 100).isCloseTo(Math.rint(tick.getPrice() * 100), within(1e-6));
            assertThat(tick.getEventTime()).isAfterOrEqualTo(lastTime);
            lastTime = tick.getEventTime();
            long expected = lastSequence.getOrDefault(tick.getSymbol(), 99L) + 1;
            assertThat(tick.getSequence()).as("sequence of " + tick.getSymbol()).isEqualTo(expected);
            lastSequence.put(tick.getSymbol(), tick.getSequence());
        }
        assertThat(lastSequence.keySet()).containsExactlyInAnyOrderElementsOf(DefaultSymbols.symbols());
    }

    @Test
    void symbolsTradeInProportionToTheirActivity() {
        List<SymbolProfile> profiles = DefaultSymbols.profiles();
        int n = 200_000;
        Map<String, Integer> counts = new HashMap<>();
        for (StockTick tick : take(new MarketSimulator(SimulationSettings.defaults(1000, 4L, START)), n)) {
            counts.merge(tick.getSymbol(), 1, Integer::sum);
        }
        double totalActivity = profiles.stream().mapToDouble(SymbolProfile::activity).sum();
        for (SymbolProfile profile : profiles) {
            double expected = n * profile.activity() / totalActivity;
            assertThat((double) counts.get(profile.symbol())).as(profile.symbol())
                    .isCloseTo(expected, within(5 * Math.sqrt(expected)));
        }
    }

    @Test
    void averageRateAndEventTimesFollowTheConfiguredRate() {
        double rate = 200;
        int n = 1_000_000;
        MarketSimulator simulator = new MarketSimulator(SimulationSettings.defaults(rate, 8L, START));
        StockTick last = null;
        for (int i = 0; i < n; i++) {
            last = simulator.nextTick();
        }
        double seconds = (last.getEventTime().toEpochMilli() - START.toEpochMilli()) / 1000.0;
        assertThat(n / seconds).isCloseTo(rate, within(rate * 0.05));
    }

    @Test
    void simulatedPricesFollowTheSymbolsGbm() {
        // One symbol trading every 10 s on average; returns over 100 ticks (~1000 s) are long enough that
        // rounding to the cent is negligible, and their standardized values must be N(0, 1).
        SymbolProfile profile = new SymbolProfile("TEST", 100, 0.10, 0.30, 1, 1, 10);
        MarketSimulator simulator = new MarketSimulator(new SimulationSettings(List.of(profile), 0.1, 21L, START, 1));
        DescriptiveStatistics standardized = new DescriptiveStatistics();
        StockTick previous = simulator.nextTick();
        for (int block = 0; block < 6000; block++) {
            StockTick tick = null;
            for (int i = 0; i < 100; i++) {
                tick = simulator.nextTick();
            }
            double dtYears = (tick.getEventTime().toEpochMilli() - previous.getEventTime().toEpochMilli()) / 1000.0
                    / MarketSimulator.TRADING_SECONDS_PER_YEAR;
            double logReturn = Math.log(tick.getPrice() / previous.getPrice());
            double mean = (profile.annualDrift() - profile.annualVolatility() * profile.annualVolatility() / 2) * dtYears;
            standardized.addValue((logReturn - mean) / (profile.annualVolatility() * Math.sqrt(dtYears)));
            previous = tick;
        }
        long n = standardized.getN();
        assertThat(standardized.getMean()).isCloseTo(0.0, within(4 / Math.sqrt(n)));
        assertThat(standardized.getVariance()).isCloseTo(1.0, within(4 * Math.sqrt(2.0 / n)));
    }

    @Test
    void unknownSymbolsGetAStableGenericProfile() {
        List<SymbolProfile> profiles = DefaultSymbols.profilesFor(List.of("aapl", "ZZZT"));
        assertThat(profiles.get(0)).isEqualTo(DefaultSymbols.profiles().get(0));
        assertThat(profiles.get(1).symbol()).isEqualTo("ZZZT");
        assertThat(profiles.get(1)).isEqualTo(DefaultSymbols.genericProfile("ZZZT"));
        assertThat(profiles.get(1).initialPrice()).isBetween(20.0, 501.0);
    }

    private static List<StockTick> take(MarketSimulator simulator, int n) {
        List<StockTick> ticks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ticks.add(simulator.nextTick());
        }
        return ticks;
    }
}
