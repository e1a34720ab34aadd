package io.ticklake.connect;

import io.ticklake.connect.config.TickLakeSinkConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticklake.connect.config.TickLakeSinkConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.Config;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The connector configs the launcher PUTs (ticks, alerts) are valid once its ${VARIABLES} are substituted. */
class ConnectorConfigFileTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    @TempDir
    Path lake;

    @ParameterizedTest
    @CsvSource({"stock-ticks-sink.json, stock-ticks, tick", "stock-alerts-sink.json, stock-alerts, alert",
            "stock-ticks-dlq-sink.json, stock-ticks-dlq, dead_letter"})
    void shippedConfigsValidateAfterSubstitution(String file, String topic, String recordType) throws Exception {
        String text = Files.readString(Path.of("config", file));
        Map<String, String> env = Map.of("TICKLAKE_LAKE_URI", lake.toUri().toString(), "TICKLAKE_S3_ENDPOINT", "",
                "TICKLAKE_S3_REGION", "us-east-1", "TICKLAKE_CONNECT_SECRETS", "/run/connect/secrets.properties",
                "TICKLAKE_SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7");
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder substituted = new StringBuilder();
        while (matcher.find()) {
            assertThat(env).as("documented variable").containsKey(matcher.group(1));
            matcher.appendReplacement(substituted, Matcher.quoteReplacement(env.get(matcher.group(1))));
        }
        matcher.appendTail(substituted);
        Map<String, String> config = new HashMap<>(new ObjectMapper().readValue(substituted.toString(),
                new TypeReference<Map<String, String>>() { }));

        // secrets are references the worker's file provider resolves: Connect never stores the values
        assertThat(config).containsEntry("s3.secret.key", "${file:/run/connect/secrets.properties:s3.secret.key}")
                .containsEntry("s3.access.key", "${file:/run/connect/secrets.properties:s3.access.key}");
        config.put("s3.access.key", "resolved-by-the-worker");
        config.put("s3.secret.key", "resolved-by-the-worker");
        assertThat(config).containsEntry("connector.class", TickLakeSinkConnector.class.getName())
                .containsEntry("topics", topic);
        if (recordType.equals("dead_letter")) {
            // its own bad records are logged and skipped: sending them to the topic it reads would loop
            assertThat(config).doesNotContainKey("errors.deadletterqueue.topic.name");
        } else {
            assertThat(config).containsEntry("errors.deadletterqueue.topic.name", "stock-ticks-dlq");
        }
        assertThat(new TickLakeSinkConfig(config).recordType().configValue()).isEqualTo(recordType);
        Config result = new TickLakeSinkConnector().validate(config);
        assertThat(result.configValues()).allSatisfy(value -> assertThat(value.errorMessages()).as(value.name()).isEmpty());
    }
}
