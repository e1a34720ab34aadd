package io.ticklake.streams.live;

import static io.ticklake.streams.testing.Ticks.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.live.ChangedMinutes.Change;
import io.ticklake.streams.testing.TopologyDriverFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The production topology marks the minute of every accepted tick (and of no rejected one) after the
 * tick reached its candle, and the provisional read of a marked minute gives exactly the KPIs the
 * topology emits for it.
 */
class ProvisionalTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-20T14:00:00Z");
    private static final Instant WALL_CLOCK = T0.plus(Duration.ofHours(2));

    @Test
    void marksAcceptedTicksOnlyAndReadsWhatTheTopologyEmits() throws Exception {
        ChangedMinutes changes = new ChangedMinutes(100);
        changes.enabled(true);
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK, changes)) {
            var ticks = fixture.ticks();
            ticks.pipeInput("AAPL", tick("AAPL", 100.0, 10, T0.plusSeconds(1), 1));
            ticks.pipeInput("AAPL", tick("AAPL", 104.0, 30, T0.plusSeconds(20), 2));
            ticks.pipeInput("AAPL", tick("AAPL", 101.0, 5, T0.plusSeconds(70), 3));
            ticks.pipeInput("MSFT", tick("MSFT", -1.0, 5, T0.plusSeconds(5), 1));       // invalid price
            ticks.pipeInput("MSFT", tick("MSFT", 50.0, 5, T0.minus(Duration.ofMinutes(5)), 2)); // late
            fixture.rawTicks().pipeInput("MSFT", new byte[] {1, 2, 3});               // not Avro

            long m0 = T0.toEpochMilli();
            long m1 = m0 + 60_000;
            List<Change> marked = changes.drain();
            assertThat(marked).containsExactly(new Change(0, "AAPL", m0), new Change(0, "AAPL", m1));

            Map<String, WindowKpi> emitted = new LinkedHashMap<>();
            fixture.kpis().readValuesToList().forEach(kpi -> emitted.put(key(kpi), kpi));
            for (Change change : marked) {
                List<WindowKpi> provisional = fixture.views().around(change.symbol(), change.minuteStart(),
                        fixture.config().rollupWindows());
                assertThat(provisional).extracting(WindowKpi::getWindow).containsExactly("1m", "5m", "15m", "1h");
                if (change.minuteStart() == m1) {
                    // the latest tick: every window holding it is as the topology last wrote it
                    provisional.forEach(kpi -> assertThat(kpi).isEqualTo(emitted.get(key(kpi))));
                } else {
                    assertThat(provisional.get(0)).isEqualTo(emitted.get(key(provisional.get(0))));
                }
            }
        }
    }

    private static String key(WindowKpi kpi) {
        return kpi.getSymbol() + "|" + kpi.getWindow() + "|" + kpi.getWindowStart();
    }
}
