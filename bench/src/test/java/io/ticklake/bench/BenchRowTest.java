package io.ticklake.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.infra.bench.BenchRow;
import io.ticklake.infra.bench.RowWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The row format every harness writes (infra's io.ticklake.infra.bench, shared with the harnesses in their modules). */
class BenchRowTest {

    @TempDir
    Path dir;

    @Test
    void aTargetIsMetOnItsSideOfTheLimitAndARowWithoutOneHasNoVerdict() {
        assertThat(BenchRow.meets(1_000_000, "≥ 1,000,000")).isTrue();
        assertThat(BenchRow.meets(999_999, "≥ 1,000,000")).isFalse();
        assertThat(BenchRow.meets(50, "≤ 50")).isTrue();
        assertThat(BenchRow.meets(50.1, "≤ 50")).isFalse();
        assertThat(BenchRow.meets(3, "")).isNull();
        assertThatThrownBy(() -> BenchRow.meets(3, "= 3")).hasMessageContaining("'= 3'");
    }

    @Test
    void eachRowWrittenIsOneJsonLineThatReadsBackEqual() throws Exception {
        Path file = dir.resolve("rows/harness.jsonl");
        RowWriter rows = new RowWriter(file);
        BenchRow figure = BenchRow.figure("h", "throughput, 2 thread(s) | with a bar", 123_456.5, "ticks/s", "≥ 100,000");
        BenchRow latency = new BenchRow("h", "p99", 7.5, "ms", "≤ 10", true, 1.0, 7.5, 9.0, 1000L, 1.5, "m");

        rows.write(figure);
        rows.write(latency);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(RowWriter.parse(lines.get(0))).isEqualTo(figure);
        assertThat(RowWriter.parse(lines.get(1))).isEqualTo(latency);
        assertThat(figure.met()).isTrue();
        assertThat(lines.get(0)).contains("\"load_average\"");
    }
}
