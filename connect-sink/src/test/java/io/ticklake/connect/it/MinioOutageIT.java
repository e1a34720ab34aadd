package io.ticklake.connect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticklake.connect.testing.LakeRows;
import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.ServiceHandle;
import io.ticklake.infra.testing.TestPlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** With MinIO stopped the tasks retry with backoff and stay RUNNING; they catch up when it is back. */
@ExtendWith(LocalPlatformExtension.class)
class MinioOutageIT {

    private static final int TOTAL = 3000;

    @TempDir
    Path tmp;

    @Test
    void tasksSurviveAStoreOutageAndCatchUp(TestPlatform platform) throws Exception {
        try (SinkFixture sink = new SinkFixture(platform, "outage")) {
            sink.ticks.produce(0, 1000);
            var config = sink.connectorConfig(sink.id, 2);
            config.put("flush.size", "200");
            config.put("rotate.idle.ms", "2000");
            String name = sink.startConnector("a", config);
            LakeBucket lake = sink.bucket(sink.id);
            sink.awaitRows(lake, tmp, 1000, Duration.ofSeconds(60));

            ServiceHandle minio = platform.minioService();
            minio.stop();
            try {
                sink.ticks.produceSlowly(1000, TOTAL, 1000);
                // the outage lasts while the tasks fail to upload: they must stay RUNNING throughout
                await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                        .until(() -> sink.rest.taskStates(name), states -> states.size() == 2
                                && states.stream().allMatch("RUNNING"::equals));
                // ... and they are retrying this test's partitions, not idling
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                        .until(sink::partitionsRetrying, partitions -> !partitions.isEmpty());
            } finally {
                minio.start();
            }

            List<LakeRows.Row> rows = sink.awaitRows(lake, tmp, TOTAL, Duration.ofSeconds(120));
            assertThat(rows).hasSize(TOTAL);
            assertThat(SinkFixture.coordinates(rows)).isEqualTo(sink.ticks.coordinates());
            assertThat(sink.rest.taskStates(name)).containsOnly("RUNNING");
        }
    }
}
