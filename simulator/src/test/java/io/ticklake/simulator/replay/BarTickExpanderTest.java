package io.ticklake.simulator.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BarTickExpanderTest {

    private static final Instant START = Instant.parse("2024-05-10T13:30:00Z");

    @Test
    void aRisingBarGoesOpenLowHighClose() {
        List<BarTickExpander.TickPoint> points = new BarTickExpander(4).expand(bar(10.0, 12.5, 9.5, 12.0, 1003));
        assertThat(points).extracting(BarTickExpander.TickPoint::price).containsExactly(10.0, 9.5, 12.5, 12.0);
        assertThat(points).extracting(BarTickExpander.TickPoint::volume).containsExactly(251L, 251L, 251L, 250L);
        assertThat(points).extracting(BarTickExpander.TickPoint::time).containsExactly(START,
                START.plusSeconds(15), START.plusSeconds(30), START.plusSeconds(45));
    }

    @Test
    void aFallingBarGoesOpenHighLowClose() {
        List<BarTickExpander.TickPoint> points = new BarTickExpander(4).expand(bar(12.0, 12.5, 9.5, 10.0, 4));
        assertThat(points).extracting(BarTickExpander.TickPoint::price).containsExactly(12.0, 12.5, 9.5, 10.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 7, 10, 33})
    void everyBarIsReproducedExactly(int ticksPerBar) {
        BarTickExpander expander = new BarTickExpander(ticksPerBar);
        Random random = new Random(ticksPerBar);
        for (int i = 0; i < 5_000; i++) {
            Bar bar = randomBar(random);
            List<BarTickExpander.TickPoint> points = expander.expand(bar);
            assertReproduces(bar, points, ticksPerBar);
        }
    }

    @Test
    void degenerateBarsAreReproducedToo() {
        BarTickExpander expander = new BarTickExpander(6);
        for (Bar bar : List.of(bar(5, 5, 5, 5, 0), bar(5, 5, 4, 5, 2), bar(5, 6, 5, 6, 1), bar(6, 6, 5, 5, 7),
                bar(0.0101, 0.0105, 0.0099, 0.0102, 5), bar(100.123, 100.127, 100.121, 100.126, Long.MAX_VALUE / 2))) {
            assertReproduces(bar, expander.expand(bar), 6);
        }
    }

    @Test
    void refusesFewerThanFourTicks() {
        assertThatThrownBy(() -> new BarTickExpander(3)).hasMessageContaining(">= 4");
    }

    @Test
    void inconsistentBarsAreNamed() {
        assertThat(Bar.inconsistency(11, 10, 9, 10, 5)).isEqualTo("high 10.0 is below open 11.0");
        assertThat(Bar.inconsistency(10, 12, 10.5, 11, 5)).isEqualTo("low 10.5 is above open 10.0");
        assertThat(Bar.inconsistency(10, 12, 9, 11, -1)).isEqualTo("volume -1 is negative");
        assertThat(Bar.inconsistency(-1, 12, 9, 11, 1)).isEqualTo("open -1.0 is not a finite number > 0");
        assertThat(Bar.inconsistency(10, Double.NaN, 9, 11, 1)).isEqualTo("high NaN is not a finite number > 0");
        assertThat(Bar.inconsistency(10, 12, 9, 11, 1)).isNull();
    }

    private static void assertReproduces(Bar bar, List<BarTickExpander.TickPoint> points, int ticksPerBar) {
        assertThat(points).hasSize(ticksPerBar);
        assertThat(points.get(0).price()).as("first = open of %s", bar).isEqualTo(bar.open());
        assertThat(points.get(points.size() - 1).price()).as("last = close of %s", bar).isEqualTo(bar.close());
        assertThat(points.stream().mapToDouble(BarTickExpander.TickPoint::price).max().orElseThrow())
                .as("max = high of %s", bar).isEqualTo(bar.high());
        assertThat(points.stream().mapToDouble(BarTickExpander.TickPoint::price).min().orElseThrow())
                .as("min = low of %s", bar).isEqualTo(bar.low());
        assertThat(points.stream().mapToLong(BarTickExpander.TickPoint::volume).sum()).as("volume of %s", bar)
                .isEqualTo(bar.volume());
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).time()).isAfterOrEqualTo(points.get(i - 1).time())
                    .isBefore(bar.start().plus(bar.length()));
        }
        assertThat(points.get(0).time()).isEqualTo(bar.start());
    }

    private static Bar randomBar(Random random) {
        double open = 1 + random.nextDouble() * 500;
        double close = open * (0.9 + random.nextDouble() * 0.2);
        double high = Math.max(open, close) * (1 + random.nextDouble() * 0.05);
        double low = Math.min(open, close) * (1 - random.nextDouble() * 0.05);
        if (random.nextBoolean()) {
            // cent-rounded, as most data is; keep the bar consistent after rounding
            open = Math.round(open * 100) / 100.0;
            close = Math.round(close * 100) / 100.0;
            high = Math.max(Math.round(high * 100) / 100.0, Math.max(open, close));
            low = Math.min(Math.round(low * 100) / 100.0, Math.min(open, close));
        }
        long volume = random.nextInt(3) == 0 ? random.nextInt(10) : Math.abs(random.nextLong() % 100_000_000L);
        return new Bar("X", START, Duration.ofMinutes(1 + random.nextInt(390)), open, high, low, close, volume, 1);
    }

    private static Bar bar(double open, double high, double low, double close, long volume) {
        return new Bar("X", START, Duration.ofMinutes(1), open, high, low, close, volume, 2);
    }
}
