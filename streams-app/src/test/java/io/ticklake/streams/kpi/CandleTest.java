package io.ticklake.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CandleTest {

    @Test
    void mergingTwoHalvesEqualsAddingEveryTick() {
        Random random = new Random(7);
        Candle all = Candle.empty();
        Candle first = Candle.empty();
        Candle second = Candle.empty();
        for (int i = 0; i < 200; i++) {
            double price = 50 + random.nextDouble() * 10;
            long volume = random.nextInt(100);
            all.add(price, volume, 1_000L + i, i);
            (i < 120 ? first : second).add(price, volume, 1_000L + i, i);
        }
        Candle merged = Candle.empty().merge(first).merge(second);
        assertThat(merged.count()).isEqualTo(all.count());
        assertThat(merged.volume()).isEqualTo(all.volume());
        assertThat(merged.open()).isEqualTo(all.open());
        assertThat(merged.close()).isEqualTo(all.close());
        assertThat(merged.high()).isEqualTo(all.high());
        assertThat(merged.low()).isEqualTo(all.low());
        assertThat(merged.lastEventTime()).isEqualTo(1_199L);
        assertThat(merged.mean()).isCloseTo(all.mean(), within(1e-9));
        assertThat(merged.vwap()).isCloseTo(all.vwap(), within(1e-9));
        assertThat(merged.stddev()).isCloseTo(all.stddev(), within(1e-9));
    }

    @Test
    void onTiesTheFirstTickOpensAndTheLastCloses() {
        Candle candle = Candle.empty()
                .add(10.0, 1, 5_000L, 3)
                .add(11.0, 1, 5_000L, 3)
                .add(12.0, 1, 5_000L, 3);
        assertThat(candle.open()).isEqualTo(10.0);
        assertThat(candle.close()).isEqualTo(12.0);
        Candle bySequence = Candle.empty().add(20.0, 1, 5_000L, 9).add(21.0, 1, 5_000L, 8);
        assertThat(bySequence.open()).isEqualTo(21.0);
        assertThat(bySequence.close()).isEqualTo(20.0);
    }

    @Test
    void standardDeviationStaysExactForLargeCloseTogetherPrices() {
        // sum(p^2)/n - mean^2 loses every digit here; the deviation-based update does not
        Candle candle = Candle.empty().add(1e9 + 0.1, 1, 1, 1).add(1e9 + 0.2, 1, 2, 2).add(1e9 + 0.3, 1, 3, 3);
        assertThat(candle.stddev()).isCloseTo(Math.sqrt(0.02 / 3), within(1e-6));
    }

    @Test
    void vwapIsTheAverageWhenNothingTraded() {
        Candle candle = Candle.empty().add(10.0, 0, 1, 1).add(20.0, 0, 2, 2);
        assertThat(candle.vwap()).isEqualTo(15.0);
    }

    @Test
    void serdeRoundTripsEveryField() {
        Candle candle = Candle.empty().add(10.5, 3, 1_000, 1).add(9.25, 7, 900, 2).add(11.0, 0, 1_100, 3);
        CandleSerde serde = new CandleSerde();
        Candle copy = serde.deserialize("t", serde.serialize("t", candle));
        assertThat(copy).usingRecursiveComparison().isEqualTo(candle);
        assertThat(copy.open()).isEqualTo(9.25);
        assertThat(copy.close()).isEqualTo(11.0);
    }
}
