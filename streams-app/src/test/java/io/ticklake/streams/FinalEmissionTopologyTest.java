package io.ticklake.streams;

import static io.ticklake.streams.testing.Ticks.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.testing.TopologyDriverFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.Test;

/** Final-only emission: each window once, when stream time passes its end plus grace; rollups when their last minute closed. */
class FinalEmissionTopologyTest {

    static final Instant T0 = KpiTopologyTest.T0;

    @Test
    void emitsEachClosedWindowExactlyOnce() throws Exception {
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(
                Map.of(StreamsAppConfig.EMIT_MODE, "final", StreamsAppConfig.GRACE_MS, 10_000L),
                KpiTopologyTest.WALL_CLOCK)) {
            var ticks = fixture.ticks();
            TestOutputTopic<String, WindowKpi> kpis = fixture.kpis();
            ticks.pipeInput("AAPL", tick("AAPL", 100.0, 10, T0, 1));
            ticks.pipeInput("AAPL", tick("AAPL", 102.0, 30, T0.plusSeconds(30), 2));
            ticks.pipeInput("AAPL", tick("AAPL", 104.0, 5, T0.plusSeconds(65), 3));
            assertThat(kpis.isEmpty()).as("minute 0 closes only at stream time T0+70s").isTrue();

            ticks.pipeInput("MSFT", tick("MSFT", 50.0, 1, T0.plusSeconds(70), 1));
            List<KeyValue<String, WindowKpi>> first = kpis.readKeyValuesToList();
            assertThat(first).hasSize(1);
            WindowKpi minute0 = first.get(0).value;
            assertThat(labels(first)).containsExactly("AAPL 1m " + T0);
            assertThat(minute0.getTradeCount()).isEqualTo(2);
            assertThat(minute0.getVwap()).isCloseTo((100.0 * 10 + 102.0 * 30) / 40, within(1e-9));
            assertThat(minute0.getMa15m()).isCloseTo(101.0, within(1e-9));

            ticks.pipeInput("AAPL", tick("AAPL", 110.0, 1, T0.plus(Duration.ofMinutes(5)).plusSeconds(1), 4));
            assertThat(labels(kpis.readKeyValuesToList()))
                    .containsExactlyInAnyOrder("AAPL 1m " + T0.plusSeconds(60), "MSFT 1m " + T0.plusSeconds(60));

            // closing minute 5 completes the first 5-minute window of both symbols (MSFT did not trade in minute 5)
            ticks.pipeInput("MSFT", tick("MSFT", 51.0, 1, T0.plus(Duration.ofMinutes(6)).plusSeconds(10), 2));
            List<KeyValue<String, WindowKpi>> last = kpis.readKeyValuesToList();
            assertThat(labels(last)).containsExactlyInAnyOrder("AAPL 1m " + T0.plusSeconds(300),
                    "AAPL 5m " + T0, "MSFT 5m " + T0);
            WindowKpi aapl5m = find(last, "AAPL", "5m");
            KpiTopologyTest.assertCandle(aapl5m, 100, 104, 100, 104, 3, 45, 102.0,
                    (100.0 * 10 + 102.0 * 30 + 104.0 * 5) / 45, Math.sqrt(8.0 / 3));
            WindowKpi minute5 = find(last, "AAPL", "1m");
            assertThat(minute5.getMa15m()).isCloseTo((100 + 102 + 104 + 110) / 4.0, within(1e-9));
            assertThat(find(last, "MSFT", "5m").getTradeCount()).isEqualTo(1);

            // queries see the windows still open, which final mode has not emitted
            var views = fixture.views();
            assertThat(views.latest("MSFT", io.ticklake.streams.kpi.KpiWindow.ONE_MINUTE)).get()
                    .satisfies(kpi -> assertThat(kpi.getWindowStart()).isEqualTo(T0.plusSeconds(360)));
            assertThat(views.latest("AAPL", io.ticklake.streams.kpi.KpiWindow.parse("1h"))).get()
                    .satisfies(kpi -> assertThat(kpi.getTradeCount()).isEqualTo(4));
        }
    }

    @Test
    void aRollupWaitsForItsOwnSymbolsLastMinuteEvenWhenAnotherSymbolClosesItFirst() throws Exception {
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(
                Map.of(StreamsAppConfig.EMIT_MODE, "final", StreamsAppConfig.GRACE_MS, 0L),
                KpiTopologyTest.WALL_CLOCK)) {
            var ticks = fixture.ticks();
            // both trade in minutes 0 and 4; AAPL's final of minute 4 is forwarded before MSFT's
            ticks.pipeInput("AAPL", tick("AAPL", 10.0, 1, T0, 1));
            ticks.pipeInput("MSFT", tick("MSFT", 20.0, 1, T0.plusSeconds(1), 1));
            ticks.pipeInput("AAPL", tick("AAPL", 11.0, 1, T0.plus(Duration.ofMinutes(4)), 2));
            ticks.pipeInput("MSFT", tick("MSFT", 22.0, 1, T0.plus(Duration.ofMinutes(4)).plusSeconds(1), 2));
            ticks.pipeInput("AAPL", tick("AAPL", 12.0, 1, T0.plus(Duration.ofMinutes(6)), 3));

            List<KeyValue<String, WindowKpi>> emitted = kpis(fixture);
            assertThat(labels(emitted)).containsExactlyInAnyOrder("AAPL 1m " + T0, "MSFT 1m " + T0,
                    "AAPL 1m " + T0.plusSeconds(240), "MSFT 1m " + T0.plusSeconds(240), "AAPL 5m " + T0,
                    "MSFT 5m " + T0);
            assertThat(find(emitted, "MSFT", "5m").getTradeCount()).isEqualTo(2);
            assertThat(find(emitted, "MSFT", "5m").getClose()).isEqualTo(22.0);
        }
    }

    @Test
    void finalModeAddsThePendingRollupStore() throws Exception {
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(StreamsAppConfig.EMIT_MODE, "final"),
                KpiTopologyTest.WALL_CLOCK)) {
            assertThat(KpiTopology.topology(fixture.config()).describe().toString())
                    .contains(KpiTopology.PENDING_ROLLUPS_STORE).doesNotContain("repartition");
        }
    }

    private static List<KeyValue<String, WindowKpi>> kpis(TopologyDriverFixture fixture) {
        return fixture.kpis().readKeyValuesToList();
    }

    private static List<String> labels(List<KeyValue<String, WindowKpi>> records) {
        return records.stream().map(r -> r.key + " " + r.value.getWindow() + " " + r.value.getWindowStart()).toList();
    }

    private static WindowKpi find(List<KeyValue<String, WindowKpi>> records, String symbol, String window) {
        return records.stream().map(r -> r.value)
                .filter(kpi -> kpi.getSymbol().equals(symbol) && kpi.getWindow().equals(window))
                .findFirst().orElseThrow();
    }
}
