package io.ticklake.spark.compaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.spark.parquet.RawFileWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.catalyst.InternalRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A big hour's task fails as its first failing thread did, and leaves no thread of its own behind. */
class BigHourTaskTest {

    private static final Configuration CONF = new Configuration();

    @TempDir
    Path dir;

    @Test
    void aFileThatCannotBeReadFailsTheTaskNamingItAndStopsItsThreads() throws Exception {
        List<String> uris = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            uris.add(rawFile("good-" + i + ".parquet", HourColumnsTest.randomTicks(2_000, 0, 3_600_000, i)));
        }
        uris.add(3, dir.resolve("gone.parquet").toUri().toString());
        BigHourTask task = new BigHourTask(uris, SymbolGroups.balance(Map.of(), 2), 2, HourColumnsTest.HOUR_START,
                16, CONF);

        // the read fails before anything is written: no writer is needed
        assertThatThrownBy(() -> task.run(null)).isInstanceOf(IOException.class).hasMessageContaining("gone.parquet");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!taskThreads().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(taskThreads()).isEmpty();
    }

    private String rawFile(String name, List<InternalRow> ticks) throws IOException {
        String uri = dir.resolve(name).toUri().toString();
        try (RawFileWriter<InternalRow> writer = RawFileWriter.forInternalRows(uri, CONF, 64 << 10)) {
            for (InternalRow tick : ticks) {
                writer.write(tick);
            }
            writer.closeAndPublish();
        }
        return uri;
    }

    private static List<String> taskThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("compact-big-hour-")).toList();
    }
}
