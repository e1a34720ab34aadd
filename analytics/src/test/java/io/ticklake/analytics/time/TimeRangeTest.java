package io.ticklake.analytics.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

    private static TimeRange range(String start, String end) {
        return new TimeRange(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void alignsOutwardToTheGrain() {
        TimeRange r = range("2026-11-20T14:20:00Z", "2026-11-20T15:00:00Z");
        assertThat(r.alignTo(Grain.HOUR)).isEqualTo(range("2026-11-20T14:00:00Z", "2026-11-20T15:00:00Z"));
        assertThat(r.alignTo(Grain.DAY)).isEqualTo(range("2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z"));
    }

    @Test
    void listsTheDaysItTouchesWithAnExclusiveEnd() {
        assertThat(range("2026-11-19T23:00:00Z", "2026-11-21T00:00:00Z").days())
                .containsExactly(LocalDate.parse("2026-11-19"), LocalDate.parse("2026-11-20"));
        assertThat(range("2026-11-20T14:00:00Z", "2026-11-20T14:00:00Z").days()).isEmpty();
    }

    @Test
    void clipsAtALimitAndBecomesEmptyBeyondIt() {
        TimeRange r = range("2026-11-20T14:00:00Z", "2026-11-22T00:00:00Z");
        assertThat(r.clipEnd(Instant.parse("2026-11-21T00:00:00Z")).end()).isEqualTo("2026-11-21T00:00:00Z");
        assertThat(r.clipEnd(Instant.parse("2026-11-20T00:00:00Z")).isEmpty()).isTrue();
        assertThat(r.clipEnd(Instant.parse("2026-12-01T00:00:00Z"))).isEqualTo(r);
    }

    @Test
    void spansExtendsCoversAndOverlaps() {
        TimeRange a = range("2026-11-20T14:00:00Z", "2026-11-20T15:00:00Z");
        TimeRange b = range("2026-11-20T16:00:00Z", "2026-11-20T17:00:00Z");
        assertThat(a.span(b)).isEqualTo(range("2026-11-20T14:00:00Z", "2026-11-20T17:00:00Z"));
        assertThat(a.extendEnd(Duration.ofHours(1)).end()).isEqualTo("2026-11-20T16:00:00Z");
        assertThat(a.extendStart(Duration.ofDays(7)).start()).isEqualTo("2026-11-13T14:00:00Z");
        assertThat(a.span(b).covers(a)).isTrue();
        assertThat(a.covers(a.span(b))).isFalse();
        assertThat(a.overlaps(b)).isFalse();
        assertThat(a.overlaps(range("2026-11-20T14:59:00Z", "2026-11-20T16:00:00Z"))).isTrue();
        assertThat(a.contains(Instant.parse("2026-11-20T15:00:00Z"))).isFalse();
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        assertThatThrownBy(() -> range("2026-11-20T15:00:00Z", "2026-11-20T14:00:00Z"))
                .hasMessageContaining("is before its start");
    }
}
