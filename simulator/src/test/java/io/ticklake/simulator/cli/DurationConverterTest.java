package io.ticklake.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class DurationConverterTest {

    @ParameterizedTest
    @CsvSource({"250ms, 250", "10s, 10000", "5m, 300000", "2h, 7200000", "1h30m, 5400000", "6h30m, 23400000",
            "1.5s, 1500", "1d, 86400000", "PT10S, 10000", "pt1m, 60000"})
    void readsDurationsAsPeopleWriteThem(String text, long millis) {
        assertThat(DurationConverter.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "ten seconds", "5 m", "10x", "s10", "PTX"})
    void refusesOthersSayingWhatIsAccepted(String text) {
        assertThatThrownBy(() -> DurationConverter.parse(text))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("is not a duration; write e.g. 250ms, 10s");
    }
}
