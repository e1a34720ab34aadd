package io.ticklake.analytics.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeArgumentsTest {

    @Test
    void acceptsTheHourNotationsAirflowAndPeopleUse() {
        Instant expected = Instant.parse("2026-11-20T14:00:00Z");
        assertThat(TimeArguments.parseHour("2026-11-20T14")).isEqualTo(expected);
        assertThat(TimeArguments.parseHour("2026-11-20T14:00")).isEqualTo(expected);
        assertThat(TimeArguments.parseHour("2026-11-20T14:00:00Z")).isEqualTo(expected);
        assertThat(TimeArguments.parseHour("2026-11-20T15:00:00+01:00")).isEqualTo(expected);
    }

    @Test
    void refusesTimesOffTheHourAndGarbage() {
        assertThatThrownBy(() -> TimeArguments.parseHour("2026-11-20T14:30")).hasMessageContaining("not on an hour boundary");
        assertThatThrownBy(() -> TimeArguments.parseHour("yesterday")).hasMessageContaining("is not an hour");
        assertThatThrownBy(() -> TimeArguments.parseDay("2026-13-01")).hasMessageContaining("is not a day");
    }
}
