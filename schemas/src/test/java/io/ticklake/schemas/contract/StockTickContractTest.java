package io.ticklake.schemas.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.StockTick;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StockTickContractTest {

    private static final long LIMIT = StockTickContract.MAX_FUTURE_MS_DEFAULT;

    @Test
    void validTickKeepsEveryRule() {
        assertThat(violation(tick("BRK.B", 412.5, 0))).isEmpty();
    }

    @Test
    void theKeyMustBeTheSymbol() {
        assertThat(StockTickContract.violation(null, tick("A", 1, 1), 0, LIMIT)).get().asString()
                .contains("record key is missing");
        assertThat(StockTickContract.violation("B", tick("A", 1, 1), 0, LIMIT)).get().asString()
                .contains("record key 'B' is not the tick's symbol 'A'");
    }

    @Test
    void theFutureIsJudgedAgainstTheRecordTimestampNotAClock() {
        StockTick tick = tick("A", 1, 1, Instant.parse("2030-01-01T00:00:10Z"));
        long recordTime = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();
        assertThat(StockTickContract.violation("A", tick, recordTime, 10_000)).isEmpty();
        assertThat(StockTickContract.violation("A", tick, recordTime, 9_999)).get().asString()
                .contains("more than 9999 ms ahead of the record's timestamp 2030-01-01T00:00:00Z");
        // no timestamp on the record: nothing to judge against
        assertThat(StockTickContract.violation("A", tick, -1, 0)).isEmpty();
        assertThat(StockTickContract.violation("A", tick("A", 1, 1, Instant.ofEpochMilli(-1)), 0, LIMIT)).get()
                .asString().contains("before 1970");
    }

    @Test
    void eachBrokenRuleIsNamed() {
        assertThat(violation(tick("", 1, 1))).get().asString().contains("symbol ''");
        assertThat(violation(tick("aapl", 1, 1))).get().asString().contains("symbol 'aapl'");
        assertThat(violation(tick("TOOLONGSYMBOL", 1, 1))).get().asString().contains("symbol");
        assertThat(violation(tick("A", -199.9, 1))).get().asString().contains("price -199.9");
        assertThat(violation(tick("A", 0, 1))).get().asString().contains("price 0.0");
        assertThat(violation(tick("A", Double.NaN, 1))).get().asString().contains("price NaN");
        assertThat(violation(tick("A", Double.POSITIVE_INFINITY, 1))).get().asString()
                .contains("price Infinity");
        assertThat(violation(tick("A", 1, -5))).get().asString().contains("volume -5");
    }

    @Test
    void eachViolationMessageNamesItsRuleAlsoInsideALongerError() {
        Instant t = Instant.parse("2030-01-01T00:00:00Z");
        Map<StockTickContract.Rule, Optional<String>> messages = Map.of(
                StockTickContract.Rule.SYMBOL, violation(tick("aapl", 1, 1)),
                StockTickContract.Rule.PRICE, violation(tick("A", -1, 1)),
                StockTickContract.Rule.VOLUME, violation(tick("A", 1, -1)),
                StockTickContract.Rule.KEY, StockTickContract.violation("B", tick("A", 1, 1), 0, LIMIT),
                StockTickContract.Rule.EVENT_TIME_BEFORE_1970, violation(tick("A", 1, 1, Instant.ofEpochMilli(-1))),
                StockTickContract.Rule.EVENT_TIME_AHEAD,
                StockTickContract.violation("A", tick("A", 1, 1, t.plusSeconds(60)), t.toEpochMilli(), LIMIT));

        assertThat(messages).hasSize(StockTickContract.Rule.values().length);
        messages.forEach((rule, message) -> {
            assertThat(StockTickContract.ruleOf(message.orElseThrow())).as(message.get()).contains(rule);
            assertThat(StockTickContract.ruleOf("tick at stock-ticks-0@7 breaks the StockTick contract: " + message.get()))
                    .contains(rule);
        });
        assertThat(StockTickContract.ruleOf(StockTickContract.violation(null, tick("A", 1, 1), 0, LIMIT).orElseThrow()))
                .contains(StockTickContract.Rule.KEY);
        assertThat(StockTickContract.ruleOf("Unknown magic byte 0x6e")).isEmpty();
        assertThat(StockTickContract.ruleOf(null)).isEmpty();
        assertThat(StockTickContract.Rule.EVENT_TIME_AHEAD.label()).isEqualTo("event_time_ahead");
    }

    private static Optional<String> violation(StockTick tick) {
        return StockTickContract.violation(tick.getSymbol(), tick, tick.getEventTime().toEpochMilli(), LIMIT);
    }

    private static StockTick tick(String symbol, double price, long volume) {
        return tick(symbol, price, volume, Instant.EPOCH);
    }

    private static StockTick tick(String symbol, double price, long volume, Instant eventTime) {
        return StockTick.newBuilder().setSymbol(symbol).setPrice(price).setVolume(volume)
                .setEventTime(eventTime).setSequence(1).setSource("SIMULATOR").build();
    }
}
