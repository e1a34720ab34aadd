package io.ticklake.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ticklake.lake.LakeUri;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TickLakeSinkConnectorTest {

    @TempDir
    Path lake;

    private Map<String, String> valid() {
        Map<String, String> props = new HashMap<>();
        props.put("lake.uri", lake.toUri().toString());
        props.put("schema.registry.url", "http://127.0.0.1:8081");
        return props;
    }

    private static List<String> errors(Config config, String key) {
        return config.configValues().stream().filter(v -> v.name().equals(key))
                .flatMap(v -> v.errorMessages().stream()).toList();
    }

    private static long errorCount(Config config) {
        return config.configValues().stream().mapToLong(v -> v.errorMessages().size()).sum();
    }

    private Config validate(Map<String, String> overrides) {
        Map<String, String> props = valid();
        props.putAll(overrides);
        return new TickLakeSinkConnector().validate(props);
    }

    @Test
    void aValidLocalConfigHasNoErrors() {
        assertThat(errorCount(validate(Map.of()))).isZero();
    }

    @Test
    void s3UriWithoutBucketNamesTheKeyAndTheForms() {
        Config config = validate(Map.of("lake.uri", "s3a://"));
        assertThat(errors(config, "lake.uri")).singleElement().asString()
                .contains("lake.uri").contains("names no bucket").contains("s3a://bucket[/prefix]");
    }

    @Test
    void aBadLakeUriGetsTheLakeModulesMessageUnderTheKey() {
        for (String bad : List.of("hdfs://nn/lake", "s3://Bad_Bucket/x", "")) {
            String parserMessage = catchThrowable(() -> LakeUri.parse(bad)).getMessage();
            assertThat(errors(validate(Map.of("lake.uri", bad)), "lake.uri")).as(bad).singleElement().asString()
                    .contains("configuration lake.uri").contains(parserMessage)
                    .contains("file:///path, s3://bucket[/prefix] or s3a://bucket[/prefix]");
        }
    }

    @Test
    void aPlainPathIsALocalLakeAsEverywhereElse() {
        assertThat(errorCount(validate(Map.of("lake.uri", lake.toString())))).isZero();
    }

    @Test
    void negativeFlushSizeIsRejected() {
        Config config = validate(Map.of("flush.size", "-5"));
        assertThat(errors(config, "flush.size")).singleElement().asString()
                .contains("flush.size").contains("-5").contains("at least 1");
    }

    @Test
    void unknownPartitionFieldListsTheLegalOnes() {
        Config config = validate(Map.of("partition.field", "trade_time"));
        assertThat(errors(config, "partition.field")).singleElement().asString()
                .contains("partition.field").contains("trade_time").contains("[event_time, ingest_time]");
    }

    @Test
    void otherValidatorsSayWhatIsAllowed() {
        assertThat(errors(validate(Map.of("behavior.on.null.values", "drop")), "behavior.on.null.values"))
                .singleElement().asString().contains("[ignore, fail]");
        assertThat(errors(validate(Map.of("rotate.interval.ms", "0")), "rotate.interval.ms"))
                .singleElement().asString().contains("-1 (off) or a positive number");
        assertThat(errors(validate(Map.of("s3.part.size", "1000")), "s3.part.size"))
                .singleElement().asString().contains("at least 5242880");
        assertThat(errors(validate(Map.of("lake.uri", "hdfs://nn/lake")), "lake.uri"))
                .singleElement().asString().contains("scheme is not supported");
    }

    @Test
    void missingRequiredKeysAreNamed() {
        Config config = new TickLakeSinkConnector().validate(Map.of());
        assertThat(errors(config, "lake.uri")).isNotEmpty();
        assertThat(errors(config, "schema.registry.url")).isNotEmpty();
    }

    @Test
    void aValueConverterOtherThanBytesIsRejected() {
        Config config = validate(Map.of("value.converter", "org.apache.kafka.connect.json.JsonConverter"));
        assertThat(errors(config, "value.converter")).singleElement().asString().contains("ByteArrayConverter");
        assertThat(errorCount(validate(Map.of("value.converter",
                "org.apache.kafka.connect.converters.ByteArrayConverter")))).isZero();
    }

    @Test
    void secretsNeverAppearInValidationOutput() {
        Config config = validate(Map.of("s3.secret.key", "very-secret-value"));
        assertThat(config.configValues().stream().map(ConfigValue::toString))
                .noneMatch(text -> text.contains("very-secret-value"));
    }

    @Test
    void everyTaskGetsTheSameConfiguration() {
        TickLakeSinkConnector connector = new TickLakeSinkConnector();
        connector.start(valid());
        assertThat(connector.taskConfigs(3)).hasSize(3).allSatisfy(c -> assertThat(c).isEqualTo(valid()));
        assertThat(connector.taskClass()).isEqualTo(TickLakeSinkTask.class);
        assertThat(connector.version()).isNotBlank();
    }
}
