package io.ticklake.analytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.analytics.time.Grain;
import java.time.Duration;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ModelFileParserTest {

    @Test
    void readsEveryHeaderKeyAndLeavesFreeTextAlone() {
        ModelDefinition m = ModelFileParser.parse("daily", """
                -- A description line, then the header.
                -- depends_on: ohlcv_1h, other
                -- materialized: parquet
                -- grain: day
                -- lookback: 7d
                -- time_column: day
                -- unique_key: symbol, day
                -- not_null: symbol, day
                -- expect: low <= high
                -- expect: volume >= 0
                -- test: reconciles_with_hourly_bars
                SELECT 1;
                """, "daily.sql");
        assertThat(m.dependsOn()).containsExactly("ohlcv_1h", "other");
        assertThat(m.materialization()).isEqualTo(Materialization.PARQUET);
        assertThat(m.grain()).isEqualTo(Grain.DAY);
        assertThat(m.lookback()).isEqualTo(Duration.ofDays(7));
        assertThat(m.timeColumn()).isEqualTo("day");
        assertThat(m.uniqueKey()).containsExactly("symbol", "day");
        assertThat(m.expectations()).containsExactly("low <= high", "volume >= 0");
        assertThat(m.tests()).containsExactly("reconciles_with_hourly_bars");
        assertThat(m.sql()).endsWith("SELECT 1").doesNotEndWith(";");
        assertThat(m.readsLake()).isFalse();
    }

    @Test
    void defaultsToAnHourlyParquetModelWithoutLookback() {
        ModelDefinition m = ModelFileParser.parse("t", "-- time_column: ts\n-- unique_key: id\nSELECT 1", "t.sql");
        assertThat(m.materialization()).isEqualTo(Materialization.PARQUET);
        assertThat(m.grain()).isEqualTo(Grain.HOUR);
        assertThat(m.lookback()).isZero();
        assertThat(m.readsLake()).isTrue();
    }

    @Test
    void readsTheRawSourceLookaheadAndThresholds() {
        ModelDefinition m = ModelFileParser.parse("quality", """
                -- source: raw
                -- lookback: 1h
                -- lookahead: 1h
                -- time_column: hour_start
                -- unique_key: symbol, hour_start
                -- threshold: gap_ratio warn=0.001 fail=0.5
                -- threshold: late_ratio
                SELECT 1
                """, "quality.sql");
        assertThat(m.source()).isEqualTo(Source.RAW);
        assertThat(m.lookahead()).isEqualTo(Duration.ofHours(1));
        assertThat(m.thresholds()).containsExactly(
                new Threshold("gap_ratio", OptionalDouble.of(0.001), OptionalDouble.of(0.5)),
                new Threshold("late_ratio", OptionalDouble.empty(), OptionalDouble.empty()));
        assertThat(ModelFileParser.parse("t", "-- time_column: ts\n-- unique_key: id\nSELECT 1", "t.sql").source())
                .isEqualTo(Source.COMPACTED);
        assertThatThrownBy(() -> ModelFileParser.parse("t", "-- depends_on: x\n-- source: raw\n-- time_column: ts\n"
                + "-- unique_key: id\nSELECT 1", "t.sql")).hasMessageContaining("source and lookahead are for models reading the lake");
        assertThatThrownBy(() -> ModelFileParser.parse("t", "-- threshold: gap_ratio fail=lots\n-- time_column: ts\n"
                + "-- unique_key: id\nSELECT 1", "t.sql")).hasMessageContaining("'lots' must be a number or off");
        assertThatThrownBy(() -> ModelFileParser.parse("t", "-- threshold: gap_ratio max=1\n-- time_column: ts\n"
                + "-- unique_key: id\nSELECT 1", "t.sql")).hasMessageContaining("'max=1' must be warn=<number> or fail=<number>");
    }

    @Test
    void namesTheFileAndKeyOfAMistake() {
        assertThatThrownBy(() -> ModelFileParser.parse("t", "-- depend_on: x\n-- time_column: ts\nSELECT 1", "t.sql"))
                .hasMessageStartingWith("t.sql: unknown header key 'depend_on'");
        assertThatThrownBy(() -> ModelFileParser.parse("t", "-- lookback: 1 hour\n-- time_column: ts\nSELECT 1", "t.sql"))
                .hasMessageContaining("lookback '1 hour' must be 0, Nm, Nh or Nd");
        assertThatThrownBy(() -> ModelFileParser.parse("t", "-- grain: week\n-- time_column: ts\nSELECT 1", "t.sql"))
                .hasMessageContaining("unknown grain 'week' (allowed: hour, day)");
        assertThatThrownBy(() -> ModelFileParser.parse("t", "-- unique_key: id\nSELECT 1", "t.sql"))
                .hasMessageContaining("must declare '-- time_column: <column>'");
        assertThatThrownBy(() -> ModelFileParser.parse("t", "-- time_column: ts\nSELECT 1", "t.sql"))
                .hasMessageContaining("a parquet model must declare '-- unique_key: ...'");
        assertThatThrownBy(() -> ModelFileParser.parse("Bad-Name", "-- time_column: ts\nSELECT 1", "x.sql"))
                .hasMessageContaining("model name 'Bad-Name'");
    }

    @Test
    void parsesLookbacks() {
        assertThat(ModelFileParser.parseLookback("0")).isZero();
        assertThat(ModelFileParser.parseLookback("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(ModelFileParser.parseLookback("1h")).isEqualTo(Duration.ofHours(1));
    }
}
