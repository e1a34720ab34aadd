package io.ticklake.connect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad configurations are refused by the worker's validate endpoint, naming the key. */
@ExtendWith(LocalPlatformExtension.class)
class ConnectorValidationIT {

    private static List<String> errors(ConnectRest.Answer answer, String key) {
        List<String> errors = new ArrayList<>();
        for (JsonNode config : answer.body().path("configs")) {
            if (key.equals(config.path("value").path("name").asText())) {
                config.path("value").path("errors").forEach(e -> errors.add(e.asText()));
            }
        }
        return errors;
    }

    private static ConnectRest.Answer validate(SinkFixture sink, Map<String, String> overrides) {
        Map<String, String> config = sink.connectorConfig("validate", 1);
        config.put("name", "validate-" + sink.id);
        config.putAll(overrides);
        ConnectRest.Answer answer = sink.rest.validate(config);
        assertThat(answer.status()).as("validate answer %s", answer.body()).isEqualTo(200);
        return answer;
    }

    @Test
    void thePluginIsLoadedAndAGoodConfigPasses(TestPlatform platform) {
        try (SinkFixture sink = new SinkFixture(platform, "validate")) {
            JsonNode plugins = sink.rest.get("/connector-plugins").body();
            assertThat(plugins.findValuesAsText("class")).contains(ConnectRest.CONNECTOR_CLASS);
            assertThat(validate(sink, Map.of()).body().path("error_count").asInt()).isZero();
        }
    }

    @Test
    void badConfigsAreRejectedWithTheFieldNamed(TestPlatform platform) {
        try (SinkFixture sink = new SinkFixture(platform, "validate")) {
            ConnectRest.Answer noBucket = validate(sink, Map.of("lake.uri", "s3a://"));
            assertThat(noBucket.body().path("error_count").asInt()).as(noBucket.body().toPrettyString()).isEqualTo(1);
            assertThat(errors(noBucket, "lake.uri")).singleElement().asString().contains("names no bucket");

            ConnectRest.Answer missingBucket = validate(sink, Map.of("lake.uri", "s3a://no-such-bucket-here/lake"));
            assertThat(errors(missingBucket, "lake.uri")).singleElement().asString()
                    .contains("bucket 'no-such-bucket-here' does not exist");

            ConnectRest.Answer negativeFlush = validate(sink, Map.of("flush.size", "-1"));
            assertThat(negativeFlush.body().path("error_count").asInt()).isEqualTo(1);
            assertThat(errors(negativeFlush, "flush.size")).singleElement().asString()
                    .contains("flush.size").contains("at least 1");

            ConnectRest.Answer unknownField = validate(sink, Map.of("partition.field", "trade_time"));
            assertThat(unknownField.body().path("error_count").asInt()).isEqualTo(1);
            assertThat(errors(unknownField, "partition.field")).singleElement().asString()
                    .contains("trade_time").contains("[event_time, ingest_time]");
        }
    }

    @Test
    void creatingAConnectorWithABadConfigIsRefused(TestPlatform platform) {
        try (SinkFixture sink = new SinkFixture(platform, "validate")) {
            Map<String, String> config = sink.connectorConfig("validate", 1);
            config.put("flush.size", "-1");
            ConnectRest.Answer answer = sink.rest.put("/connectors/refused-" + sink.id + "/config", config);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body().path("message").asText()).contains("flush.size");
        }
    }
}
