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
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL the Connect worker while it writes: after catch-up every offset is in the lake exactly once. */
@ExtendWith(LocalPlatformExtension.class)
class WorkerCrashIT {

    private static final int TOTAL = 8000;

    @TempDir
    Path tmp;

    @Test
    void killedWorkerResumesWithoutDuplicatesOrGaps(TestPlatform platform) throws Exception {
        try (SinkFixture sink = new SinkFixture(platform, "crash")) {
            sink.ticks.produce(0, 2000);
            var config = sink.connectorConfig(sink.id, 2);
            config.put("flush.size", "200");
            String name = sink.startConnector("a", config);
            LakeBucket lake = sink.bucket(sink.id);
            CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
                try {
                    sink.ticks.produceSlowly(2000, TOTAL, 1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

            // mid-write: some files are durable, more data is arriving and being buffered
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> lake.files().size() >= 5);
            ServiceHandle worker = platform.connect();
            worker.kill();
            assertThat(worker.isRunning()).isFalse();
            worker.start();

            producing.get();
            List<LakeRows.Row> rows = sink.awaitRows(lake, tmp, TOTAL, Duration.ofSeconds(180));

            assertThat(rows).hasSize(TOTAL);
            assertThat(SinkFixture.coordinates(rows)).hasSize(TOTAL).isEqualTo(sink.ticks.coordinates());
            assertThat(lake.incompleteUploadsOfFiles()).isZero();
            assertThat(sink.rest.taskStates(name)).containsOnly("RUNNING");
        }
    }
}
