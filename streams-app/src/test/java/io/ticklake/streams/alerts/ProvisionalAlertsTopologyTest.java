package io.ticklake.streams.alerts;

import static io.ticklake.streams.testing.Ticks.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.Alert;
import io.ticklake.schemas.AlertKind;
import io.ticklake.schemas.AlertRule;
import io.ticklake.streams.live.ChangedMinutes;
import io.ticklake.streams.live.LiveTaps;
import io.ticklake.streams.live.ProvisionalAlerts;
import io.ticklake.streams.testing.TopologyDriverFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The production topology hands every alert it forwards to the host's {@link ProvisionalAlerts} exactly once,
 * in the order forwarded, tick-driven and stale-feed alike, and nothing else.
 */
class ProvisionalAlertsTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-20T14:00:00Z");
    private static final Instant WALL_CLOCK = T0.plus(Duration.ofHours(2));

    @Test
    void everyForwardedAlertIsHandedToTheSinkOnce() throws Exception {
        ProvisionalAlerts sink = new ProvisionalAlerts(100);
        sink.enabled(true);
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK,
                new LiveTaps(new ChangedMinutes(1), sink))) {
            var rules = fixture.alertRules();
            for (AlertRule rule : List.of(
                    rule("cross-100", AlertKind.PRICE_CROSS).setLevel(100.0).setCooldownMs(0L).build(),
                    rule("cross-200", AlertKind.PRICE_CROSS).setLevel(200.0).setCooldownMs(0L).build(),
                    rule("quiet", AlertKind.STALE_FEED).setStaleSeconds(30).build())) {
                rules.pipeInput(rule.getRuleId(), rule);
            }
            var ticks = fixture.ticks();
            var alerts = fixture.alerts();
            List<Alert> forwarded = new ArrayList<>();

            ticks.pipeInput("AAPL", tick("AAPL", 99.0, 1, T0, 1));
            assertThat(sink.take(0)).as("no alert, nothing handed over").isEmpty();
            ticks.pipeInput("AAPL", tick("AAPL", 101.0, 1, T0.plusSeconds(1), 2));    // crosses 100
            ticks.pipeInput("AAPL", tick("AAPL", 99.0, 1, T0.plusSeconds(2), 3));     // and back
            ticks.pipeInput("AAPL", tick("AAPL", 250.0, 1, T0.plusSeconds(3), 4));    // crosses both
            ticks.pipeInput("AAPL", tick("AAPL", 99.0, 1, T0.plusSeconds(1), 2));     // a duplicate: dropped
            forwarded.addAll(alerts.readValuesToList());
            fixture.driver().advanceWallClockTime(Duration.ofSeconds(30));            // STALE_FEED, punctuation
            forwarded.addAll(alerts.readValuesToList());

            assertThat(forwarded).extracting(Alert::getRuleId)
                    .containsExactly("cross-100", "cross-100", "cross-100", "cross-200", "quiet");
            assertThat(sink.take(0)).as("each forwarded alert, once, in order").containsExactlyElementsOf(forwarded);
            assertThat(sink.dropped()).isZero();
        }
    }

    private static AlertRule.Builder rule(String id, AlertKind kind) {
        return AlertRule.newBuilder().setRuleId(id).setSymbol("AAPL").setKind(kind).setUpdatedAt(T0);
    }
}
