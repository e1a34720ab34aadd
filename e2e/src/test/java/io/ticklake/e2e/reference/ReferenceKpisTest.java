package io.ticklake.e2e.reference;

import static io.ticklake.e2e.reference.Ticks.T0;
import static io.ticklake.e2e.reference.Ticks.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ticklake.e2e.kafka.TickRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceKpisTest {

    @Test
    void computesTheDocumentedExampleWindow() {
        // streams-app/README.md's KPI example: open 100, high 102, low 98, close 101, avg 100.25, vwap 101.2
        Map<WindowKey, Kpi> kpis = ReferenceKpis.compute(List.of(
                tick(0, 0, "AAPL", 100.0, 10, 5_000, 1),
                tick(0, 1, "AAPL", 102.0, 60, 20_000, 2),
                tick(0, 2, "AAPL", 98.0, 10, 30_000, 3),
                tick(0, 3, "AAPL", 101.0, 20, 30_000, 4)), Duration.ofMinutes(1));

        Kpi kpi = kpis.get(new WindowKey("AAPL", T0));
        assertThat(kpis).hasSize(1);
        assertThat(kpi.windowEnd()).isEqualTo(T0.plusSeconds(60));
        assertThat(List.of(kpi.open(), kpi.high(), kpi.low(), kpi.close())).containsExactly(100.0, 102.0, 98.0, 101.0);
        assertThat(kpi.avg()).isEqualTo(100.25);
        assertThat(kpi.vwap()).isCloseTo(101.2, within(1e-12));
        assertThat(kpi.volume()).isEqualTo(100);
        assertThat(kpi.tradeCount()).isEqualTo(4);
        assertThat(kpi.stddev()).isCloseTo(1.479019945774904, within(1e-15));
        assertThat(kpi.lastEventTime()).isEqualTo(T0.plusSeconds(30));
        assertThat(kpi.ma15m()).isEqualTo(100.25);
        assertThat(kpi.ma1h()).isEqualTo(100.25);
    }

    @Test
    void ordersTiesBySequenceThenOffsetAndAlignsWindowsToTheEpoch() {
        Map<WindowKey, Kpi> kpis = ReferenceKpis.compute(List.of(
                // same millisecond: the lower sequence opens even though it came later
                tick(1, 7, "MSFT", 11.0, 1, 61_000, 9),
                tick(1, 8, "MSFT", 12.0, 1, 61_000, 8),
                // full tie: the later offset closes
                tick(1, 9, "MSFT", 13.0, 1, 119_999, 10),
                tick(1, 10, "MSFT", 14.0, 1, 119_999, 10),
                tick(1, 11, "MSFT", 15.0, 0, 120_000, 11)), Duration.ofMinutes(1));

        Kpi first = kpis.get(new WindowKey("MSFT", T0.plusSeconds(60)));
        assertThat(first.open()).isEqualTo(12.0);
        assertThat(first.close()).isEqualTo(14.0);
        assertThat(first.tradeCount()).isEqualTo(4);
        Kpi second = kpis.get(new WindowKey("MSFT", T0.plusSeconds(120)));
        assertThat(second.vwap()).as("no volume: vwap is the average").isEqualTo(15.0);
        assertThat(second.stddev()).isZero();
    }

    @Test
    void movingAveragesCoverTheTicksBeforeTheWindowEndAndRollupsHaveNone() {
        // the 1m window is [T0, T0 + 1 min): its averages span [end - 15 min, end) and [end - 1 h, end)
        List<TickRecord> ticks = List.of(
                tick(0, 0, "JPM", 5.0, 1, -3_540_001, 1),    // just before end - 1 h: in neither
                tick(0, 1, "JPM", 10.0, 1, -3_540_000, 2),   // end - 1 h exactly: in ma_1h
                tick(0, 2, "JPM", 20.0, 1, -1_000_000, 3),   // in ma_1h only
                tick(0, 3, "JPM", 30.0, 1, -840_000, 4),     // end - 15 min exactly: in both
                tick(0, 4, "JPM", 40.0, 1, 59_999, 5));      // in the window itself
        Kpi minute = ReferenceKpis.compute(ticks, Duration.ofMinutes(1)).get(new WindowKey("JPM", T0));

        assertThat(minute.ma15m()).isEqualTo(35.0);
        assertThat(minute.ma1h()).isEqualTo(25.0);
        assertThat(ReferenceKpis.compute(ticks, Duration.ofHours(1)).values())
                .allSatisfy(hour -> assertThat(hour.ma15m()).isNull());
    }
}
