package io.ticklake.simulator.cli;

import io.ticklake.simulator.produce.ProducerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where ticks go and how the run reports: shared by every producing subcommand. */
public final class KafkaOptions {

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT[,...]",
            defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (env KAFKA_BOOTSTRAP_SERVERS). Default: ${DEFAULT-VALUE}")
    String bootstrapServers;

    @Option(names = {"-r", "--schema-registry-url", "--schema.registry.url"}, paramLabel = "URL",
            defaultValue = "${env:SCHEMA_REGISTRY_URL:-http://127.0.0.1:8081/apis/ccompat/v7}",
            description = "Confluent-compatible schema registry (env SCHEMA_REGISTRY_URL). Default: ${DEFAULT-VALUE}")
    String schemaRegistryUrl;

    @Option(names = {"-t", "--topic"}, defaultValue = ProducerSettings.DEFAULT_TOPIC,
            description = "Target topic. Default: ${DEFAULT-VALUE}")
    String topic;

    @Option(names = {"-X", "--producer-property"}, paramLabel = "KEY=VALUE",
            description = "Extra or overriding Kafka producer/serde property, e.g. -X linger.ms=5 "
                    + "-X security.protocol=SSL (repeatable)")
    Map<String, String> producerProperties = new LinkedHashMap<>();

    @Option(names = "--producer-config", paramLabel = "FILE", converter = PropertiesFileConverter.class,
            description = "Kafka producer/serde properties file, e.g. security.protocol, sasl.jaas.config, ssl.*,"
                    + " basic.auth.user.info, schema.registry.ssl.*: keeps secrets off the command line; -X overrides it")
    PropertiesFileConverter.PropertiesFile producerConfig = new PropertiesFileConverter.PropertiesFile(Map.of());

    @Option(names = "--check-timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.class,
            description = "How long the start-up checks wait for the broker and the registry. Default: ${DEFAULT-VALUE}")
    Duration checkTimeout;

    @Option(names = "--create-topic", paramLabel = "PARTITIONS",
            description = "Create the topic with this many partitions if it does not exist (default: a missing topic"
                    + " is an error)")
    Integer createTopicPartitions;

    @Option(names = "--progress-interval", paramLabel = "DURATION", defaultValue = "2s",
            converter = DurationConverter.class,
            description = "How often a progress line is printed (to stderr). Default: ${DEFAULT-VALUE}")
    Duration progressInterval;

    @Option(names = "--summary-file", paramLabel = "FILE",
            description = "Also write the final summary, with every injected tick, as JSON to this file")
    Path summaryFile;

    ProducerSettings settings() {
        Map<String, String> overrides = new LinkedHashMap<>(producerConfig.values());
        overrides.putAll(producerProperties);
        return new ProducerSettings(bootstrapServers, schemaRegistryUrl, topic, overrides, checkTimeout);
    }
}
