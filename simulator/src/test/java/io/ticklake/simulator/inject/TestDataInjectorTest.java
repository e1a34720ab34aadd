package io.ticklake.simulator.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.market.MarketSimulator;
import io.ticklake.simulator.market.SimulationSettings;
import io.ticklake.simulator.testing.CollectingSink;
import io.ticklake.simulator.tick.TickValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestDataInjectorTest {

    private static final int N = 20_000;
    private static final Duration LATE_BY = Duration.ofMinutes(7);
    private static final InjectionSettings RATES = new InjectionSettings(0.02, LATE_BY, 0.03, 0.04, 0.05, 99L);

    @Test
    void withoutRatesTicksPassUntouched() {
        List<StockTick> source = sourceTicks();
        CollectingSink sink = run(new TestDataInjector(InjectionSettings.NONE), source);
        assertThat(sink.ticks()).isEqualTo(source);
    }

    @Test
    void injectsEachKindAtItsRateAndRecordsExactlyWhatItDid() {
        List<StockTick> source = sourceTicks();
        TestDataInjector injector = new TestDataInjector(RATES);
        List<StockTick> sent = run(injector, source).ticks();
        InjectionSummary summary = injector.summary();

        assertRate(summary.count(InjectionKind.LATE), RATES.lateRate(), N);
        assertRate(summary.count(InjectionKind.OUT_OF_ORDER), RATES.outOfOrderRate(), N);
        assertRate(summary.count(InjectionKind.DUPLICATE), RATES.duplicateRate(), N);
        assertRate(summary.count(InjectionKind.INVALID), RATES.invalidRate(), N);
        assertThat(summary.truncated()).isFalse();
        assertThat(sent).hasSize(N + (int) summary.extraTicks());

        // invalid: exactly the recorded ones break the contract, one kind after another
        List<StockTick> invalid = sent.stream().filter(t -> !TickValidator.isValid(t)).toList();
        assertThat(invalid).hasSize((int) summary.count(InjectionKind.INVALID));
        assertThat(summary.injected(InjectionKind.INVALID)).extracting(InjectedTick::detail)
                .startsWith("NEGATIVE_PRICE", "EMPTY_SYMBOL", "NAN_PRICE", "NEGATIVE_PRICE");

        // every source tick arrives; late ones carry their shifted event time
        Map<String, StockTick> originals = new HashMap<>();
        source.forEach(t -> originals.put(key(t.getSymbol(), t.getSequence()), t));
        Map<String, Integer> seen = new HashMap<>();
        for (StockTick tick : sent) {
            if (TickValidator.isValid(tick)) {
                seen.merge(key(tick.getSymbol(), tick.getSequence()), 1, Integer::sum);
            }
        }
        assertThat(seen.keySet()).isEqualTo(originals.keySet());
        for (InjectedTick late : summary.injected(InjectionKind.LATE)) {
            StockTick original = originals.get(key(late.symbol(), late.sequence()));
            assertThat(late.eventTime()).isEqualTo(original.getEventTime().minus(LATE_BY));
        }
        // duplicates arrive twice
        for (InjectedTick duplicate : summary.injected(InjectionKind.DUPLICATE)) {
            assertThat(seen.get(key(duplicate.symbol(), duplicate.sequence()))).isGreaterThanOrEqualTo(2);
        }
        long sentTwice = seen.values().stream().mapToLong(count -> count - 1).sum();
        assertThat(sentTwice).isEqualTo(summary.count(InjectionKind.DUPLICATE));
        // an out-of-order tick arrives after a later tick of its symbol (or is its symbol's last)
        Map<String, Long> lastSequence = new HashMap<>();
        source.forEach(t -> lastSequence.merge(t.getSymbol(), t.getSequence(), Math::max));
        Map<String, Long> highestSentSoFar = new HashMap<>();
        Map<String, Boolean> arrivedLate = new HashMap<>();
        for (StockTick tick : sent) {
            String key = key(tick.getSymbol(), tick.getSequence());
            arrivedLate.putIfAbsent(key, highestSentSoFar.getOrDefault(tick.getSymbol(), 0L) > tick.getSequence());
            highestSentSoFar.merge(tick.getSymbol(), tick.getSequence(), Math::max);
        }
        for (InjectedTick held : summary.injected(InjectionKind.OUT_OF_ORDER)) {
            boolean last = lastSequence.get(held.symbol()) == held.sequence();
            assertThat(arrivedLate.get(key(held.symbol(), held.sequence())) || last)
                    .as("%s #%d is out of order", held.symbol(), held.sequence()).isTrue();
        }
    }

    @Test
    void theSameSeedPicksTheSameTicks() {
        List<StockTick> source = sourceTicks();
        TestDataInjector one = new TestDataInjector(RATES);
        TestDataInjector two = new TestDataInjector(RATES);
        assertThat(run(one, source).ticks()).map(TestDataInjectorTest::fields)
                .isEqualTo(run(two, source).ticks().stream().map(TestDataInjectorTest::fields).toList());
        assertThat(one.summary().injected()).isEqualTo(two.summary().injected());
    }

    @Test
    void heldBackTicksAreSentAtTheEnd() {
        TestDataInjector injector = new TestDataInjector(new InjectionSettings(0, LATE_BY, 1.0, 0, 0, 1L));
        CollectingSink sink = new CollectingSink();
        StockTick only = sourceTicks().get(0);
        injector.accept(only, sink);
        assertThat(sink.ticks()).isEmpty();
        injector.finish(sink);
        assertThat(sink.ticks()).containsExactly(only);
    }

    private static void assertRate(long count, double rate, int n) {
        double expected = rate * n;
        assertThat((double) count).isCloseTo(expected, within(5 * Math.sqrt(expected)));
    }

    /** A tick's fields as a list: Avro's equals never finds NaN prices equal, {@link Double#equals} does. */
    private static List<Object> fields(StockTick tick) {
        return Arrays.asList(tick.getSymbol(), tick.getPrice(), tick.getVolume(), tick.getBid(), tick.getAsk(),
                tick.getEventTime(), tick.getSequence(), tick.getSource());
    }

    private static String key(String symbol, long sequence) {
        return symbol + "#" + sequence;
    }

    private static CollectingSink run(TestDataInjector injector, List<StockTick> source) {
        CollectingSink sink = new CollectingSink();
        source.forEach(tick -> injector.accept(tick, sink));
        injector.finish(sink);
        return sink;
    }

    private static List<StockTick> sourceTicks() {
        MarketSimulator simulator = new MarketSimulator(
                SimulationSettings.defaults(100, 5L, Instant.parse("2026-11-20T14:30:00Z")));
        List<StockTick> ticks = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            ticks.add(simulator.nextTick());
        }
        return ticks;
    }
}
