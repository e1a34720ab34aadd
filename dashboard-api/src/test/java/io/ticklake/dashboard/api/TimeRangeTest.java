package io.ticklake.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

    private static final long MINUTE = 60_000;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:30Z"), ZoneOffset.UTC);

    @Test
    void defaultsToTheWindowsBeforeTheEndOfTheNextWindow() {
        TimeRange range = TimeRange.resolve(null, null, MINUTE, 120, 1440, CLOCK);

        assertThat(range.to()).isEqualTo(Instant.parse("2026-01-02T03:06:00Z"));
        assertThat(range.from()).isEqualTo(Instant.parse("2026-01-02T01:06:00Z"));
    }

    @Test
    void countsTheDefaultInWindowsOfTheRequestedSize() {
        TimeRange range = TimeRange.resolve(null, "2026-01-02T00:00:00Z", 60 * MINUTE, 10, 1440, CLOCK);

        assertThat(range.from()).isEqualTo(Instant.parse("2026-01-01T14:00:00Z"));
    }

    @Test
    void takesBothBoundsAsGiven() {
        TimeRange range = TimeRange.resolve("2026-01-02T01:00:00Z", "1767322800000", MINUTE, 120, 1440, CLOCK);

        assertThat(range).isEqualTo(new TimeRange(Instant.parse("2026-01-02T01:00:00Z"),
                Instant.ofEpochMilli(1767322800000L)));
    }

    @Test
    void refusesFromAfterOrAtTo() {
        assertThatThrownBy(() -> TimeRange.resolve("2026-01-02T02:00:00Z", "2026-01-02T01:00:00Z", MINUTE, 120, 1440,
                CLOCK)).isInstanceOfSatisfying(BadParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("from");
                    assertThat(e.getMessage()).contains("must be before 'to'");
                });
        assertThatThrownBy(() -> TimeRange.resolve("2026-01-02T01:00:00Z", "2026-01-02T01:00:00Z", MINUTE, 120, 1440,
                CLOCK)).isInstanceOf(BadParameterException.class);
    }

    @Test
    void refusesARangeOfMoreWindowsThanAllowed() {
        assertThatThrownBy(() -> TimeRange.resolve("2026-01-01T00:00:00Z", "2026-01-02T00:00:01Z", MINUTE, 120, 1440,
                CLOCK)).isInstanceOfSatisfying(BadParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("from");
                    assertThat(e.getMessage()).contains("spans 1441 windows").contains("at most 1440");
                });
        assertThat(TimeRange.resolve("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", MINUTE, 120, 1440, CLOCK).from())
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void namesTheMalformedBound() {
        assertThatThrownBy(() -> TimeRange.resolve("soon", null, MINUTE, 120, 1440, CLOCK))
                .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.parameter()).isEqualTo("from"));
        assertThatThrownBy(() -> TimeRange.resolve(null, "later", MINUTE, 120, 1440, CLOCK))
                .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.parameter()).isEqualTo("to"));
    }
}
