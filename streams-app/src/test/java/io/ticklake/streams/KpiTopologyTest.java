package io.ticklake.streams;

import static io.ticklake.streams.testing.Ticks.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.ingest.DlqMetrics;
import io.ticklake.streams.ingest.DlqStage;
import io.ticklake.streams.testing.TopologyDriverFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.Test;

/** The production topology on hand-computed inputs, in update mode: exact KPI values of every window. */
class KpiTopologyTest {

    static final Instant T0 = Instant.parse("2026-11-20T14:00:00Z");
    static final Instant WALL_CLOCK = T0.plus(Duration.ofHours(2));
    static final double EPS = 1e-9;

    @Test
    void oneMinuteCandleHasExactValuesWhateverTheArrivalOrder() throws Exception {
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK)) {
            TestInputTopic<String, io.ticklake.schemas.StockTick> ticks = fixture.ticks();
            // arrival order differs from event-time order: open/close follow event time
            ticks.pipeInput("AAPL", tick("AAPL", 102.0, 30, T0.plusSeconds(10), 2));
            ticks.pipeInput("AAPL", tick("AAPL", 100.0, 10, T0, 1));
            ticks.pipeInput("AAPL", tick("AAPL", 101.0, 60, T0.plusSeconds(30), 4));
            ticks.pipeInput("AAPL", tick("AAPL", 98.0, 0, T0.plusSeconds(20), 3));

            Map<String, WindowKpi> latest = latestByWindow(fixture.kpis());
            WindowKpi minute = latest.get("1m@" + T0);
            assertThat(minute.getSymbol()).isEqualTo("AAPL");
            assertThat(minute.getWindowStart()).isEqualTo(T0);
            assertThat(minute.getWindowEnd()).isEqualTo(T0.plusSeconds(60));
            assertThat(minute.getOpen()).isEqualTo(100.0);
            assertThat(minute.getClose()).isEqualTo(101.0);
            assertThat(minute.getHigh()).isEqualTo(102.0);
            assertThat(minute.getLow()).isEqualTo(98.0);
            assertThat(minute.getTradeCount()).isEqualTo(4);
            assertThat(minute.getVolume()).isEqualTo(100);
            // avg = 401 / 4; vwap = (100*10 + 102*30 + 98*0 + 101*60) / 100 = 10120 / 100
            assertThat(minute.getAvg()).isCloseTo(100.25, within(EPS));
            assertThat(minute.getVwap()).isCloseTo(101.2, within(EPS));
            // deviations -0.25, 1.75, -2.25, 0.75: squares sum to 8.75; population variance 2.1875
            assertThat(minute.getStddev()).isCloseTo(Math.sqrt(2.1875), within(EPS));
            assertThat(minute.getLastEventTime()).isEqualTo(T0.plusSeconds(30));
            assertThat(minute.getMa15m()).isCloseTo(100.25, within(EPS));
            assertThat(minute.getMa1h()).isCloseTo(100.25, within(EPS));
            // one minute with trades: every rollup equals it, without moving averages
            for (String window : List.of("5m", "15m", "1h")) {
                WindowKpi rollup = latest.get(window + "@" + T0);
                assertThat(rollup.getTradeCount()).isEqualTo(4);
                assertThat(rollup.getVwap()).isCloseTo(101.2, within(EPS));
                assertThat(rollup.getStddev()).isCloseTo(Math.sqrt(2.1875), within(EPS));
                assertThat(rollup.getMa15m()).isNull();
                assertThat(rollup.getMa1h()).isNull();
            }
        }
    }

    @Test
    void rollupsAndMovingAveragesMergeTheMinutes() throws Exception {
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK)) {
            var ticks = fixture.ticks();
            ticks.pipeInput("MSFT", tick("MSFT", 10.0, 1, T0, 1));
            ticks.pipeInput("MSFT", tick("MSFT", 12.0, 3, T0.plusSeconds(20), 2));
            ticks.pipeInput("MSFT", tick("MSFT", 14.0, 2, T0.plus(Duration.ofMinutes(3)), 3));
            ticks.pipeInput("MSFT", tick("MSFT", 20.0, 0, T0.plus(Duration.ofMinutes(7)), 4));
            ticks.pipeInput("MSFT", tick("MSFT", 30.0, 10, T0.plus(Duration.ofMinutes(16)), 5));

            Map<String, WindowKpi> latest = latestByWindow(fixture.kpis());

            // 5m [T0, T0+5m): prices 10, 12, 14; volumes 1, 3, 2
            WindowKpi first5 = latest.get("5m@" + T0);
            assertCandle(first5, 10, 14, 10, 14, 3, 6, 12.0, 74.0 / 6, Math.sqrt(8.0 / 3));
            assertThat(first5.getWindowEnd()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
            // 5m [T0+5m, T0+10m): one tick of volume 0, so vwap = avg
            assertCandle(latest.get("5m@" + T0.plus(Duration.ofMinutes(5))), 20, 20, 20, 20, 1, 0, 20.0, 20.0, 0.0);
            assertThat(latest).doesNotContainKey("5m@" + T0.plus(Duration.ofMinutes(10)));
            // 15m [T0, T0+15m): 10, 12, 14, 20; deviations from 14: -4, -2, 0, 6 -> variance 56/4
            assertCandle(latest.get("15m@" + T0), 10, 20, 10, 20, 4, 6, 14.0, 74.0 / 6, Math.sqrt(14.0));
            assertCandle(latest.get("15m@" + T0.plus(Duration.ofMinutes(15))), 30, 30, 30, 30, 1, 10, 30.0, 30.0,
                    0.0);
            // 1h: 10, 12, 14, 20, 30; mean 17.2; vwap (74 + 300) / 16; variance 260.8 / 5
            WindowKpi hour = latest.get("1h@" + T0);
            assertCandle(hour, 10, 30, 10, 30, 5, 16, 17.2, 374.0 / 16, Math.sqrt(52.16));
            assertThat(hour.getWindowEnd()).isEqualTo(T0.plus(Duration.ofHours(1)));

            // minute 7 (end T0+8m): both averages cover all four earlier ticks
            WindowKpi minute7 = latest.get("1m@" + T0.plus(Duration.ofMinutes(7)));
            assertThat(minute7.getMa15m()).isCloseTo(14.0, within(EPS));
            assertThat(minute7.getMa1h()).isCloseTo(14.0, within(EPS));
            // minute 16 (end T0+17m): ma_15m covers [T0+2m, T0+17m) = 14, 20, 30; ma_1h all five
            WindowKpi minute16 = latest.get("1m@" + T0.plus(Duration.ofMinutes(16)));
            assertThat(minute16.getMa15m()).isCloseTo(64.0 / 3, within(EPS));
            assertThat(minute16.getMa1h()).isCloseTo(17.2, within(EPS));
            assertThat(minute16.getAvg()).isEqualTo(30.0);
        }
    }

    @Test
    void lateTicksBeyondGraceGoToTheDlqAndTicksWithinGraceCount() throws Exception {
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK)) {
            var ticks = fixture.ticks();
            ticks.pipeInput("AAPL", tick("AAPL", 100.0, 1, T0, 1));
            ticks.pipeInput("AAPL", tick("AAPL", 101.0, 1, T0.plusSeconds(65), 2));
            // stream time T0+65s, grace 10s: minute 0 (ends T0+60s) still open until T0+70s
            ticks.pipeInput("AAPL", tick("AAPL", 99.0, 1, T0.plusSeconds(50), 3));
            ticks.pipeInput("AAPL", tick("AAPL", 103.0, 1, T0.plusSeconds(70), 4));
            // stream time T0+70s: minute 0 closed
            byte[] lateValue = fixture.avroBytes(tick("AAPL", 200.0, 1, T0.plusSeconds(55), 5));
            fixture.rawTicks().pipeInput("AAPL", lateValue);

            Map<String, WindowKpi> latest = latestByWindow(fixture.kpis());
            WindowKpi minute0 = latest.get("1m@" + T0);
            assertThat(minute0.getTradeCount()).isEqualTo(2);
            assertThat(minute0.getHigh()).isEqualTo(100.0);
            assertThat(minute0.getLow()).isEqualTo(99.0);

            List<org.apache.kafka.streams.test.TestRecord<byte[], byte[]>> dead = fixture.dlq().readRecordsToList();
            assertThat(dead).hasSize(1);
            var record = dead.get(0);
            assertThat(record.value()).isEqualTo(lateValue);
            assertThat(new String(record.key())).isEqualTo("AAPL");
            assertThat(header(record, "dlq.error.stage")).isEqualTo("late");
            assertThat(header(record, "dlq.error.class")).isEqualTo("io.ticklake.streams.ingest.LateTickException");
            assertThat(header(record, "dlq.error.message")).contains("2026-11-20T14:01:00Z");
            assertThat(header(record, "dlq.source.topic")).isEqualTo("stock-ticks");
            assertThat(header(record, "dlq.source.partition")).isEqualTo("0");
            assertThat(header(record, "dlq.source.offset")).isEqualTo("4");
            assertThat(DlqMetrics.total(fixture.driver().metrics(), DlqStage.LATE)).isEqualTo(1);
            assertThat(DlqMetrics.total(fixture.driver().metrics(), DlqStage.VALIDATE)).isZero();
        }
    }

    @Test
    void queriesOverTheStoresAgreeWithTheEmittedKpis() throws Exception {
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK)) {
            var ticks = fixture.ticks();
            ticks.pipeInput("MSFT", tick("MSFT", 10.0, 1, T0, 1));
            ticks.pipeInput("MSFT", tick("MSFT", 14.0, 2, T0.plus(Duration.ofMinutes(3)), 2));
            ticks.pipeInput("MSFT", tick("MSFT", 20.0, 5, T0.plus(Duration.ofMinutes(7)), 3));
            ticks.pipeInput("AAPL", tick("AAPL", 100.0, 5, T0.plus(Duration.ofMinutes(7)).plusSeconds(5), 1));
            Map<String, WindowKpi> emitted = latestByWindow(fixture.kpis(), "MSFT");
            var views = fixture.views();

            var minuteWindow = io.ticklake.streams.kpi.KpiWindow.ONE_MINUTE;
            var fiveMinutes = io.ticklake.streams.kpi.KpiWindow.parse("5m");
            assertThat(views.latest("MSFT", minuteWindow)).contains(emitted.get("1m@" + T0.plus(Duration.ofMinutes(7))));
            assertThat(views.latest("MSFT", fiveMinutes)).contains(emitted.get("5m@" + T0.plus(Duration.ofMinutes(5))));
            assertThat(views.range("MSFT", fiveMinutes, T0.toEpochMilli(), T0.plus(Duration.ofMinutes(10)).toEpochMilli()))
                    .containsExactly(emitted.get("5m@" + T0), emitted.get("5m@" + T0.plus(Duration.ofMinutes(5))));
            assertThat(views.range("MSFT", minuteWindow, T0.plusSeconds(1).toEpochMilli(),
                    T0.plus(Duration.ofMinutes(7)).toEpochMilli()))
                    .containsExactly(emitted.get("1m@" + T0.plus(Duration.ofMinutes(3))));
            assertThat(views.latestAll(io.ticklake.streams.kpi.KpiWindow.parse("1h")))
                    .extracting(WindowKpi::getSymbol, WindowKpi::getTradeCount)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("AAPL", 1L),
                            org.assertj.core.groups.Tuple.tuple("MSFT", 3L));
            assertThat(views.latest("NOPE", minuteWindow)).isEmpty();
        }
    }

    @Test
    void everyRecordStaysInOneSubTopologyWithNamedStores() throws Exception {
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK)) {
            var description = KpiTopology.topology(fixture.config()).describe();
            assertThat(description.subtopologies()).hasSize(1);
            assertThat(description.toString()).doesNotContain("repartition")
                    .contains(KpiTopology.CANDLES_STORE, KpiTopology.SYMBOL_INDEX_STORE, KpiTopology.STREAM_TIME_STORE,
                            KpiTopology.TICK_IDENTITY_STORE,
                            KpiTopology.MINUTE_HISTORY_STORE)
                    .doesNotContain(KpiTopology.PENDING_ROLLUPS_STORE);
        }
    }

    static void assertCandle(WindowKpi kpi, double open, double high, double low, double close, long count,
                             long volume, double avg, double vwap, double stddev) {
        assertThat(kpi).as("KPI present").isNotNull();
        assertThat(kpi.getOpen()).as("open").isEqualTo(open);
        assertThat(kpi.getHigh()).as("high").isEqualTo(high);
        assertThat(kpi.getLow()).as("low").isEqualTo(low);
        assertThat(kpi.getClose()).as("close").isEqualTo(close);
        assertThat(kpi.getTradeCount()).as("trade_count").isEqualTo(count);
        assertThat(kpi.getVolume()).as("volume").isEqualTo(volume);
        assertThat(kpi.getAvg()).as("avg").isCloseTo(avg, within(EPS));
        assertThat(kpi.getVwap()).as("vwap").isCloseTo(vwap, within(EPS));
        assertThat(kpi.getStddev()).as("stddev").isCloseTo(stddev, within(EPS));
    }

    /** The last KPI emitted per window, keyed {@code <window>@<start>}. */
    static Map<String, WindowKpi> latestByWindow(TestOutputTopic<String, WindowKpi> kpis) {
        return latestByWindow(kpis, null);
    }

    static Map<String, WindowKpi> latestByWindow(TestOutputTopic<String, WindowKpi> kpis, String symbol) {
        Map<String, WindowKpi> latest = new LinkedHashMap<>();
        for (KeyValue<String, WindowKpi> record : kpis.readKeyValuesToList()) {
            assertThat(record.key).isEqualTo(record.value.getSymbol());
            if (symbol == null || symbol.equals(record.key)) {
                latest.put(record.value.getWindow() + "@" + record.value.getWindowStart(), record.value);
            }
        }
        return latest;
    }

    static String header(org.apache.kafka.streams.test.TestRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
