package io.ticklake.schemas.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.StockTick;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StockTickContractTest {

    @Test
    void validTickKeepsEveryRule() {
        assertThat(StockTickContract.violation(tick("BRK.B", 412.5, 0))).isEmpty();
    }

    @Test
    void eachBrokenRuleIsNamed() {
        assertThat(StockTickContract.violation(tick("", 1, 1))).get().asString().contains("symbol ''");
        assertThat(StockTickContract.violation(tick("aapl", 1, 1))).get().asString().contains("symbol 'aapl'");
        assertThat(StockTickContract.violation(tick("TOOLONGSYMBOL", 1, 1))).get().asString().contains("symbol");
        assertThat(StockTickContract.violation(tick("A", -199.9, 1))).get().asString().contains("price -199.9");
        assertThat(StockTickContract.violation(tick("A", 0, 1))).get().asString().contains("price 0.0");
        assertThat(StockTickContract.violation(tick("A", Double.NaN, 1))).get().asString().contains("price NaN");
        assertThat(StockTickContract.violation(tick("A", Double.POSITIVE_INFINITY, 1))).get().asString()
                .contains("price Infinity");
        assertThat(StockTickContract.violation(tick("A", 1, -5))).get().asString().contains("volume -5");
    }

    private static StockTick tick(String symbol, double price, long volume) {
        return StockTick.newBuilder().setSymbol(symbol).setPrice(price).setVolume(volume)
                .setEventTime(Instant.EPOCH).setSequence(1).setSource("SIMULATOR").build();
    }
}
