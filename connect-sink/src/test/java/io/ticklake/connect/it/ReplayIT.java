package io.ticklake.connect.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.connect.testing.LakeRows;
import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A replay from offset 0 with another task count writes the same objects with the same rows. */
@ExtendWith(LocalPlatformExtension.class)
class ReplayIT {

    private static final int TOTAL = 3000;

    @TempDir
    Path first;

    @TempDir
    Path second;

    @Test
    void replayWithDifferentTaskCountWritesIdenticalObjects(TestPlatform platform) {
        try (SinkFixture sink = new SinkFixture(platform, "replay")) {
            sink.ticks.produce(0, TOTAL);

            String one = sink.startConnector("one-task", sink.connectorConfig(sink.id + "/one", 1));
            LakeBucket lakeOne = sink.bucket(sink.id + "/one");
            List<LakeRows.Row> rowsOne = sink.awaitRows(lakeOne, first, TOTAL, Duration.ofSeconds(90));
            sink.rest.delete("/connectors/" + one);

            // a new connector is a new consumer group: it starts from offset 0
            sink.startConnector("three-tasks", sink.connectorConfig(sink.id + "/three", 3));
            LakeBucket lakeThree = sink.bucket(sink.id + "/three");
            List<LakeRows.Row> rowsThree = sink.awaitRows(lakeThree, second, TOTAL, Duration.ofSeconds(90));

            Map<String, String> filesOne = lakeOne.files();
            assertThat(filesOne.size()).isGreaterThan(SinkFixture.PARTITIONS);
            assertThat(filesOne.keySet()).allMatch(key -> key.matches(
                    "raw/stock_ticks/year=2026/month=11/day=20/hour=1[34]/" + sink.topic + "\\+[0-5]\\+\\d{20}\\.parquet"));
            assertThat(lakeThree.files().keySet()).isEqualTo(filesOne.keySet());
            assertThat(rowsThree).hasSize(TOTAL).isEqualTo(rowsOne);
            // the files are byte-identical too (an ETag is the MD5 of a single-part object)
            assertThat(lakeThree.files()).isEqualTo(filesOne);
        }
    }
}
