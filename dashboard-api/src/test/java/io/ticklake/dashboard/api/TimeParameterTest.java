package io.ticklake.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeParameterTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05.678Z");

    @Test
    void readsEpochMillis() {
        assertThat(TimeParameter.parse("from", Long.toString(T.toEpochMilli()))).isEqualTo(T);
    }

    @Test
    void readsIsoInstantsOffsetsAndDates() {
        assertThat(TimeParameter.parse("from", "2026-01-02T03:04:05.678Z")).isEqualTo(T);
        assertThat(TimeParameter.parse("from", "2026-01-02T04:04:05.678+01:00")).isEqualTo(T);
        assertThat(TimeParameter.parse("from", "2026-01-02")).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
    }

    @Test
    void readsAnOffsetWhosePlusArrivedAsASpace() {
        assertThat(TimeParameter.parse("to", "2026-01-02T04:04:05.678 01:00")).isEqualTo(T);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01T00:00:00Z", "2026-01-02T03:04", "12:00", " ", "1.5"})
    void namesTheParameterOfAMalformedTime(String value) {
        assertThatThrownBy(() -> TimeParameter.parse("to", value))
                .isInstanceOfSatisfying(BadParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("to");
                    assertThat(e.getMessage()).contains("'to'").contains("ISO-8601");
                });
    }
}
