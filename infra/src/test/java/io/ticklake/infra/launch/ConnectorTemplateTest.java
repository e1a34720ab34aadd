package io.ticklake.infra.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class ConnectorTemplateTest {

    @TempDir
    Path dir;

    @Test
    void fillsPlaceholdersAndLeavesProviderReferencesForTheWorker() throws Exception {
        Path template = Files.writeString(dir.resolve("sink.json"), """
                {"lake.uri": "${TICKLAKE_LAKE_URI}", "tasks.max": "2",
                 "s3.secret.key": "${file:${TICKLAKE_CONNECT_SECRETS}:s3.secret.key}"}
                """);

        Map<String, String> config = ConnectorTemplate.fill(template,
                Map.of("TICKLAKE_LAKE_URI", "s3a://lake", "TICKLAKE_CONNECT_SECRETS", "/home/u/secrets.properties"));

        assertThat(config).containsExactly(Map.entry("lake.uri", "s3a://lake"), Map.entry("tasks.max", "2"),
                Map.entry("s3.secret.key", "${file:/home/u/secrets.properties:s3.secret.key}"));
    }

    @Test
    void aValueWithQuotesAndBackslashesStaysOneJsonString() throws Exception {
        Path template = Files.writeString(dir.resolve("sink.json"), "{\"lake.uri\": \"${TICKLAKE_LAKE_URI}\"}");
        String awkward = "file:///tmp/a \"b\"\\c$1";

        String json = ConnectorTemplate.toJson(ConnectorTemplate.fill(template, Map.of("TICKLAKE_LAKE_URI", awkward)));

        assertThat(new ObjectMapper().readTree(json).path("lake.uri").asText()).isEqualTo(awkward);
    }

    @Test
    void aPlaceholderWithoutAValueIsNamedWithItsKey() throws Exception {
        Path template = Files.writeString(dir.resolve("sink.json"), "{\"s3.endpoint\": \"${TICKLAKE_S3_ENDPOINT}\"}");

        assertThatThrownBy(() -> ConnectorTemplate.fill(template, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s3.endpoint uses ${TICKLAKE_S3_ENDPOINT}, which is not set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"stock-ticks-sink.json", "stock-alerts-sink.json", "stock-ticks-dlq-sink.json"})
    void theShippedTemplatesNeedExactlyWhatTheLauncherSets(String file) {
        Path shipped = Path.of("../connect-sink/config", file);
        Map<String, String> config = ConnectorTemplate.fill(shipped, Map.of("TICKLAKE_LAKE_URI", "file:///lake",
                "TICKLAKE_S3_ENDPOINT", "http://127.0.0.1:9000", "TICKLAKE_S3_REGION", "us-east-1",
                "TICKLAKE_CONNECT_SECRETS", "/s.properties", "TICKLAKE_SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081"));

        assertThat(config.values()).noneMatch(value -> value.contains("${TICKLAKE_"));
        assertThat(config.get("s3.secret.key")).isEqualTo("${file:/s.properties:s3.secret.key}");
    }
}
