package io.ticklake.analytics.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ticklake.analytics.AnalyticsConfig;
import io.ticklake.analytics.testing.FixtureLake;
import io.ticklake.analytics.testing.ModelFixtures;
import io.ticklake.analytics.testing.ModelOutput;
import io.ticklake.analytics.testing.Tick;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each built-in model over a small fixture lake, against values computed by hand from the ticks. */
class BuiltInModelsTest {

    private static final double EPS = 1e-9;

    @TempDir
    static Path lakeDir;

    static String lake;
    static RunResult result;

    @BeforeAll
    static void buildEverything() throws Exception {
        List<Tick> ticks = new ArrayList<>();
        ticks.addAll(ModelFixtures.day19());
        ticks.addAll(ModelFixtures.hour14());
        ticks.addAll(ModelFixtures.hour15());
        try (FixtureLake fixture = new FixtureLake(lakeDir.toString())) {
            fixture.publish(ticks, 2);
            lake = lakeDir.toString();
        }
        result = AnalyticsRunner.create(AnalyticsConfig.forLake(lakeDir.toUri().toString()), RunListener.NONE)
                .run(BuildScope.full());
    }

    private static Map<String, Object> row(String model, String where) {
        List<Map<String, Object>> rows = ModelOutput.query(lake, "SELECT * FROM read_parquet('" + lake + "/models/"
                + model + "/year=*/month=*/day=*/part-*.parquet', hive_partitioning = false) WHERE " + where);
        assertThat(rows).as(model + " where " + where).hasSize(1);
        return rows.get(0);
    }

    private static double d(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }

    private static long l(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    @Test
    void everyModelRanAndPassedItsTests() {
        assertThat(result.models()).extracting(ModelResult::model).containsExactly("stg_ticks", "ohlcv_1m",
                "moving_averages", "ohlcv_1h", "daily_summary", "min_max_avg", "ohlcv_5m", "volatility",
                "alerts_daily", "data_quality_hourly");
        assertThat(result.models()).allSatisfy(m -> assertThat(m.tests()).isGreaterThan(2));
        assertThat(result.model("stg_ticks").rows()).isEqualTo(17);
        // a full build writes every day from the first published day (11-10) to the last (11-20)
        assertThat(result.model("ohlcv_1m").partitions()).isEqualTo(11);
    }

    @Test
    void oneMinuteBarUsesFirstAndLastTickAndVolumeWeightedPrice() {
        Map<String, Object> bar = row("ohlcv_1m", "symbol = 'AAA' AND window_start = '2026-11-20 14:00:00+00'");
        assertThat(bar.get("window_end")).isEqualTo("2026-11-20T14:01:00Z");
        assertThat(d(bar, "open")).isEqualTo(101.0);
        assertThat(d(bar, "close")).isEqualTo(102.0);
        assertThat(d(bar, "high")).isEqualTo(103.0);
        assertThat(d(bar, "low")).isEqualTo(101.0);
        assertThat(l(bar, "volume")).isEqualTo(40);
        assertThat(l(bar, "trade_count")).isEqualTo(3);
        assertThat(d(bar, "avg")).isCloseTo(102.0, within(EPS));
        // (101*10 + 103*30 + 102*0) / 40
        assertThat(d(bar, "vwap")).isCloseTo(102.5, within(EPS));
        assertThat(d(bar, "notional")).isCloseTo(4100.0, within(EPS));
        // population stddev of 101, 103, 102
        assertThat(d(bar, "stddev")).isCloseTo(Math.sqrt(2.0 / 3.0), within(EPS));
        assertThat(bar.get("last_event_time")).isEqualTo("2026-11-20T14:00:59.999Z");
    }

    @Test
    void ticksOfTheSameMillisecondAreOrderedBySequenceLikeTheStreamsApp() {
        Map<String, Object> bar = row("ohlcv_1m", "symbol = 'AAA' AND window_start = '2026-11-20 14:01:00+00'");
        assertThat(d(bar, "open")).isEqualTo(105.0);   // sequence 6 (partition 0, offset 9)
        assertThat(d(bar, "close")).isEqualTo(106.0);  // sequence 8 (partition 0, offset 7)
        // (106*10 + 105*5 + 104*5) / 20
        assertThat(d(bar, "vwap")).isCloseTo(105.25, within(EPS));
    }

    @Test
    void vwapIsTheMeanPriceWhenNoVolumeTraded() {
        Map<String, Object> bar = row("ohlcv_1m", "symbol = 'AAA' AND window_start = '2026-11-20 14:05:00+00'");
        assertThat(l(bar, "volume")).isZero();
        assertThat(d(bar, "vwap")).isEqualTo(110.0);
        assertThat(d(bar, "stddev")).isZero();
    }

    @Test
    void fiveMinuteBarRollsUpItsMinutes() {
        Map<String, Object> bar = row("ohlcv_5m", "symbol = 'AAA' AND window_start = '2026-11-20 14:00:00+00'");
        assertThat(bar.get("window_end")).isEqualTo("2026-11-20T14:05:00Z");
        assertThat(d(bar, "open")).isEqualTo(101.0);
        assertThat(d(bar, "close")).isEqualTo(106.0);  // the close of 14:01
        assertThat(d(bar, "high")).isEqualTo(106.0);
        assertThat(d(bar, "low")).isEqualTo(101.0);
        assertThat(l(bar, "volume")).isEqualTo(60);
        assertThat(l(bar, "trade_count")).isEqualTo(6);
        // prices 101, 103, 102, 106, 105, 104
        assertThat(d(bar, "avg")).isCloseTo(103.5, within(EPS));
        assertThat(d(bar, "vwap")).isCloseTo(6205.0 / 60.0, within(EPS));
        assertThat(d(bar, "stddev")).isCloseTo(Math.sqrt(17.5 / 6.0), within(EPS));
        // AAA has five 5-minute windows with trades, BBB one, CCC and DDD two each
        assertThat(ModelOutput.rows(lake, "ohlcv_5m", "symbol, window_start")).hasSize(10);
    }

    @Test
    void hourBarAndMinMaxAvgCoverTheWholeHour() {
        Map<String, Object> bar = row("ohlcv_1h", "symbol = 'AAA' AND window_start = '2026-11-20 14:00:00+00'");
        double[] prices = {101, 103, 102, 104, 106, 105, 110, 108, 120};
        double mean = java.util.Arrays.stream(prices).average().orElseThrow();
        double variance = java.util.Arrays.stream(prices).map(p -> (p - mean) * (p - mean)).sum() / prices.length;
        assertThat(d(bar, "open")).isEqualTo(101.0);
        assertThat(d(bar, "close")).isEqualTo(120.0);
        assertThat(d(bar, "high")).isEqualTo(120.0);
        assertThat(l(bar, "trade_count")).isEqualTo(9);
        assertThat(l(bar, "volume")).isEqualTo(63);
        assertThat(d(bar, "avg")).isCloseTo(mean, within(EPS));
        assertThat(d(bar, "stddev")).isCloseTo(Math.sqrt(variance), within(EPS));
        // notional 4100 + 2105 + 0 + 216 + 120 over volume 63
        assertThat(d(bar, "vwap")).isCloseTo(6541.0 / 63.0, within(EPS));

        Map<String, Object> stats = row("min_max_avg", "symbol = 'AAA' AND hour_start = '2026-11-20 14:00:00+00'");
        assertThat(d(stats, "min_price")).isEqualTo(101.0);
        assertThat(d(stats, "max_price")).isEqualTo(120.0);
        assertThat(d(stats, "avg_price")).isCloseTo(mean, within(EPS));
        assertThat(l(stats, "trade_count")).isEqualTo(9);
        assertThat(stats.get("hour_end")).isEqualTo("2026-11-20T15:00:00Z");
    }

    @Test
    void movingAveragesCoverTheTicksBeforeEachBarEnd() {
        // t = 14:01: [13:46, 14:01) holds 101, 103, 102
        Map<String, Object> first = row("moving_averages", "symbol = 'AAA' AND window_start = '2026-11-20 14:00:00+00'");
        assertThat(d(first, "ma_15m")).isCloseTo(102.0, within(EPS));
        assertThat(l(first, "trade_count_15m")).isEqualTo(3);
        // t = 14:21: [14:06, 14:21) holds 108 and 120; [13:21, 14:21) all nine ticks of hour 14
        Map<String, Object> at1420 = row("moving_averages", "symbol = 'AAA' AND window_start = '2026-11-20 14:20:00+00'");
        assertThat(d(at1420, "ma_15m")).isCloseTo(114.0, within(EPS));
        assertThat(l(at1420, "trade_count_15m")).isEqualTo(2);
        assertThat(d(at1420, "ma_1h")).isCloseTo(959.0 / 9.0, within(EPS));
        // t = 15:11: [14:56, 15:11) holds 130; [14:11, 15:11) holds 120 and 130 (reaching back into hour 14)
        Map<String, Object> at1510 = row("moving_averages", "symbol = 'AAA' AND window_start = '2026-11-20 15:10:00+00'");
        assertThat(d(at1510, "ma_15m")).isCloseTo(130.0, within(EPS));
        assertThat(d(at1510, "ma_1h")).isCloseTo(125.0, within(EPS));
        assertThat(l(at1510, "trade_count_1h")).isEqualTo(2);
    }

    @Test
    void volatilityUsesOneMinuteLogReturns() {
        double r1 = Math.log(106.0 / 102.0);   // 14:01 over 14:00
        double r2 = Math.log(108.0 / 110.0);   // 14:06 over 14:05
        double twoReturnStddev = Math.abs(r1 - r2) / 2;
        Map<String, Object> at1401 = row("volatility", "symbol = 'AAA' AND window_start = '2026-11-20 14:01:00+00'");
        assertThat(d(at1401, "log_return")).isCloseTo(r1, within(EPS));
        assertThat(at1401.get("volatility_1h")).isNull();
        Map<String, Object> at1405 = row("volatility", "symbol = 'AAA' AND window_start = '2026-11-20 14:05:00+00'");
        assertThat(at1405.get("log_return")).as("14:04 has no bar").isNull();
        Map<String, Object> at1406 = row("volatility", "symbol = 'AAA' AND window_start = '2026-11-20 14:06:00+00'");
        assertThat(d(at1406, "volatility_1h")).isCloseTo(twoReturnStddev, within(EPS));
        assertThat(d(at1406, "volatility_15m")).isCloseTo(twoReturnStddev, within(EPS));
        Map<String, Object> at1420 = row("volatility", "symbol = 'AAA' AND window_start = '2026-11-20 14:20:00+00'");
        assertThat(d(at1420, "volatility_1h")).isCloseTo(twoReturnStddev, within(EPS));
        assertThat(at1420.get("volatility_15m")).as("only one return since 14:06").isNull();
        Map<String, Object> at1510 = row("volatility", "symbol = 'AAA' AND window_start = '2026-11-20 15:10:00+00'");
        assertThat(l(at1510, "returns_1h")).isZero();
        assertThat(at1510.get("volatility_1h")).isNull();
    }

    @Test
    void dailySummaryComparesWithThePreviousClose() {
        Map<String, Object> aaa = row("daily_summary", "symbol = 'AAA' AND day = DATE '2026-11-20'");
        assertThat(d(aaa, "open")).isEqualTo(101.0);
        assertThat(d(aaa, "close")).isEqualTo(130.0);
        assertThat(d(aaa, "high")).isEqualTo(130.0);
        assertThat(d(aaa, "low")).isEqualTo(101.0);
        assertThat(l(aaa, "volume")).isEqualTo(64);
        assertThat(l(aaa, "trade_count")).isEqualTo(10);
        assertThat(d(aaa, "vwap")).isCloseTo(6671.0 / 64.0, within(EPS));
        assertThat(aaa.get("previous_day")).isEqualTo("2026-11-19");
        assertThat(d(aaa, "previous_close")).isEqualTo(100.0);
        assertThat(d(aaa, "change")).isCloseTo(30.0, within(EPS));
        assertThat(d(aaa, "change_pct")).isCloseTo(30.0, within(EPS));

        Map<String, Object> ddd = row("daily_summary", "symbol = 'DDD' AND day = DATE '2026-11-20'");
        assertThat(ddd.get("previous_day")).as("four days back is within the look-back").isEqualTo("2026-11-16");
        assertThat(d(ddd, "change_pct")).isCloseTo(5.0, within(EPS));

        Map<String, Object> ccc = row("daily_summary", "symbol = 'CCC' AND day = DATE '2026-11-20'");
        assertThat(ccc.get("previous_close")).as("ten days back is beyond the 7-day look-back").isNull();
        assertThat(ccc.get("change_pct")).isNull();

        Map<String, Object> bbb = row("daily_summary", "symbol = 'BBB' AND day = DATE '2026-11-20'");
        assertThat(bbb.get("change_pct")).isNull();
        assertThat(d(bbb, "vwap")).isCloseTo(51.0, within(EPS));
    }
}
