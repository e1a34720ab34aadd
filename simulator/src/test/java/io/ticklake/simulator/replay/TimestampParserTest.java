package io.ticklake.simulator.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampParserTest {

    private final TimestampParser parser = new TimestampParser(ZoneId.of("America/New_York"));

    @ParameterizedTest
    @CsvSource({
            "2024-05-10, 2024-05-10T04:00:00Z, true",
            "2024-05-10 09:30, 2024-05-10T13:30:00Z, false",
            "2024-05-10 09:30:15, 2024-05-10T13:30:15Z, false",
            "2024-05-10T09:30:15.250, 2024-05-10T13:30:15.250Z, false",
            "2024-01-10 09:30:00, 2024-01-10T14:30:00Z, false",
            "2024-05-10T13:30:00Z, 2024-05-10T13:30:00Z, false",
            "2024-05-10T15:30:00+02:00, 2024-05-10T13:30:00Z, false",
            "2024-05-10 09:30:00-04:00, 2024-05-10T13:30:00Z, false",
            "1715347800000, 2024-05-10T13:30:00Z, false",
            "1715347800, 2024-05-10T13:30:00Z, false"
    })
    void acceptsTheUsualForms(String raw, String expected, boolean dateOnly) {
        TimestampParser.ParsedTime parsed = parser.parse(raw);
        assertThat(parsed.instant()).isEqualTo(Instant.parse(expected));
        assertThat(parsed.dateOnly()).isEqualTo(dateOnly);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2024-13-01", "10/05/2024", "2024-05-10 25:00"})
    void refusesOthersNamingTheValue(String raw) {
        assertThatThrownBy(() -> parser.parse(raw)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(raw.isEmpty() ? "empty" : "'" + raw + "'");
    }
}
