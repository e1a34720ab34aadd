package io.ticklake.spark.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.spark.backfill.BackfillOptions;
import io.ticklake.spark.compaction.CompactionOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobOptionsTest {

    @Test
    void parsesDefaultsAndGivenValues() {
        JobOptions options = JobOptions.parse("compact", CompactionOptions.ALL, List.of(),
                Map.of("lake", "s3a://bucket/lake", "close-grace", "5m", "target-file-size", "64MB"));
        assertThat(options.get(CompactionOptions.CLOSE_GRACE)).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.get(CompactionOptions.TARGET_FILE_SIZE)).isEqualTo(64L << 20);
        assertThat(options.get(CompactionOptions.COMMIT_RETRIES)).isEqualTo(3L);
        assertThat(options.get(CompactionOptions.HOURS_PER_COMMIT)).isEqualTo(500L);
        assertThat(options.get(CompactionOptions.ON_BAD_FILE)).isEqualTo("fail");
        assertThat(options.find(CompactionOptions.HOURS)).isEmpty();
    }

    @Test
    void everyProblemNamesTheOption() {
        assertThatThrownBy(() -> compact(Map.of("lake", "file:///l", "hours", "2026-11-20T14")))
                .isInstanceOf(InvalidOptionException.class).hasMessageStartingWith("Option 'hours'")
                .hasMessageContaining("known options").hasMessageContaining("hour,");
        assertThatThrownBy(() -> compact(Map.of())).hasMessageStartingWith("Option 'lake'").hasMessageContaining("required");
        assertThatThrownBy(() -> compact(Map.of("lake", "hdfs://nn/lake"))).hasMessageStartingWith("Option 'lake'");
        assertThatThrownBy(() -> compact(Map.of("lake", "file:///l", "on-bad-file", "ignore")))
                .hasMessageStartingWith("Option 'on-bad-file'").hasMessageContaining("fail, skip");
        assertThatThrownBy(() -> compact(Map.of("lake", "file:///l", "target-file-size", "1KB")))
                .hasMessageStartingWith("Option 'target-file-size'").hasMessageContaining("between");
        assertThatThrownBy(() -> compact(Map.of("lake", "file:///l", "close-grace", "soon")))
                .hasMessageStartingWith("Option 'close-grace'").hasMessageContaining("15m");
        assertThatThrownBy(() -> compact(Map.of("lake", "file:///l", "hour", "2026-11-20T14:30")))
                .hasMessageStartingWith("Option 'hour'");
    }

    @Test
    void passesPrefixedKeysThrough() {
        JobOptions options = JobOptions.parse("backfill", BackfillOptions.ALL, List.of(BackfillOptions.KAFKA_PREFIX),
                Map.of("lake", "file:///l", "bootstrap-servers", "b:9092", "schema-registry-url", "http://r",
                        "checkpoint", "file:///c", "kafka.security.protocol", "SSL"));
        assertThat(options.withPrefix("kafka.", false)).containsExactly(Map.entry("kafka.security.protocol", "SSL"));
        assertThat(options.find(BackfillOptions.ENDING_OFFSETS)).isEmpty();
    }

    @Test
    void parsesSizesAndDurations() {
        assertThat(Parsers.bytes("128MB")).isEqualTo(134_217_728L);
        assertThat(Parsers.bytes("1g")).isEqualTo(1L << 30);
        assertThat(Parsers.bytes("4096")).isEqualTo(4096L);
        assertThat(Parsers.duration("PT15M")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Parsers.duration("2d")).isEqualTo(Duration.ofDays(2));
    }

    private static JobOptions compact(Map<String, String> given) {
        return JobOptions.parse("compact", CompactionOptions.ALL, List.of(), given);
    }
}
