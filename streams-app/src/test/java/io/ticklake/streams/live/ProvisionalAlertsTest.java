package io.ticklake.streams.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.Alert;
import io.ticklake.schemas.AlertKind;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bounded sink between the stream threads and the provisional alert delivery: disabled it records nothing;
 * full it drops and counts instead of waiting; it keeps the order alerts were offered in.
 */
class ProvisionalAlertsTest {

    private static final Instant T0 = Instant.parse("2026-11-20T14:00:00Z");

    static Alert alert(String ruleId, long offsetMs) {
        return Alert.newBuilder().setRuleId(ruleId).setSymbol("AAPL").setKind(AlertKind.PRICE_CROSS)
                .setEventTime(T0.plusMillis(offsetMs)).setMessage(ruleId).setFiredAt(T0).build();
    }

    @Test
    void disabledItRecordsNothingAndCountsNothing() throws Exception {
        ProvisionalAlerts sink = new ProvisionalAlerts(10);

        assertThat(sink.isEnabled()).isFalse();
        assertThat(sink.offer(alert("a", 0))).isFalse();
        assertThat(sink.waiting()).isZero();
        assertThat(sink.dropped()).isZero();
        assertThat(sink.take(0)).isEmpty();
    }

    @Test
    void fullItDropsAndCountsWithoutWaiting() throws Exception {
        ProvisionalAlerts sink = new ProvisionalAlerts(2);
        sink.enabled(true);

        assertThat(sink.offer(alert("a", 0))).isTrue();
        assertThat(sink.offer(alert("b", 1))).isTrue();
        assertThat(sink.offer(alert("c", 2))).as("a third, with two waiting").isFalse();
        assertThat(sink.offer(alert("d", 3))).isFalse();

        assertThat(sink.dropped()).isEqualTo(2);
        assertThat(sink.take(0)).extracting(Alert::getRuleId).containsExactly("a", "b");
        assertThat(sink.offer(alert("e", 4))).as("room again once taken").isTrue();
        assertThat(sink.dropped()).isEqualTo(2);
    }

    @Test
    void itKeepsTheOrderOfferedAndDisablingForgetsWhatWaits() throws Exception {
        ProvisionalAlerts sink = new ProvisionalAlerts(100);
        sink.enabled(true);
        for (int i = 0; i < 50; i++) {
            sink.offer(alert("r" + i, i));
        }

        assertThat(sink.take(0)).extracting(Alert::getRuleId)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).mapToObj(i -> "r" + i).toList());
        assertThat(sink.take(0)).as("taken once").isEmpty();

        sink.offer(alert("x", 0));
        sink.enabled(false);
        assertThat(sink.waiting()).isZero();
    }

    @Test
    void aTopologyWithoutAHostGetsADisabledSink() {
        ProvisionalAlerts none = LiveTaps.none().alerts();
        assertThat(none.isEnabled()).isFalse();
        assertThat(none.offer(alert("a", 0))).isFalse();
        assertThat(none.dropped()).isZero();
    }
}
