package io.ticklake.connect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The README's management flow through the Connect REST API: create, check, pause, resume, reconfigure, delete. */
@ExtendWith(LocalPlatformExtension.class)
class ConnectorLifecycleIT {

    @TempDir
    Path tmp;

    @Test
    void createCheckPauseResumeReconfigureDelete(TestPlatform platform) {
        try (SinkFixture sink = new SinkFixture(platform, "lifecycle")) {
            sink.ticks.produce(0, 200);
            Map<String, String> config = sink.connectorConfig(sink.id, 1);
            String name = sink.startConnector("a", config);
            LakeBucket lake = sink.bucket(sink.id);
            sink.awaitRows(lake, tmp, 200, Duration.ofSeconds(60));

            assertThat(sink.rest.put("/connectors/" + name + "/pause", null).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> "PAUSED".equals(sink.rest.connectorState(name)));
            sink.ticks.produce(200, 300);

            assertThat(sink.rest.put("/connectors/" + name + "/resume", null).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(sink.rest.connectorState(name)));
            sink.awaitRows(lake, tmp, 300, Duration.ofSeconds(60));

            config.put("tasks.max", "2");
            config.put("flush.size", "50");
            sink.rest.putConfig(name, config);
            await().atMost(Duration.ofSeconds(60)).until(() -> sink.rest.taskStates(name).size() == 2
                    && sink.rest.taskStates(name).stream().allMatch("RUNNING"::equals));
            JsonNode stored = sink.rest.get("/connectors/" + name + "/config").body();
            assertThat(stored.path("flush.size").asText()).isEqualTo("50");
            // the lake landed through the worker's secrets, yet Connect stores and returns only the references
            assertThat(stored.toString()).doesNotContain(sink.s3.secretKey());
            assertThat(stored.path("s3.secret.key").asText()).startsWith("${file:").endsWith(":s3.secret.key}");
            assertThat(stored.path("s3.access.key").asText()).startsWith("${file:").endsWith(":s3.access.key}");
            sink.ticks.produce(300, 400);
            assertThat(SinkFixture.coordinates(sink.awaitRows(lake, tmp, 400, Duration.ofSeconds(60))))
                    .isEqualTo(sink.ticks.coordinates());

            assertThat(sink.rest.delete("/connectors/" + name).status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.rest.get("/connectors/" + name).status() == 404);
        }
    }
}
