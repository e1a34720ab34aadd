package io.ticklake.spark.backfill;

import io.ticklake.schemas.serde.AvroSerdeConfig;
import io.ticklake.spark.options.InvalidOptionException;
import io.ticklake.spark.options.JobOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * The client settings of a backfill: the {@code client-config} file's Kafka client keys under
 * {@code kafka.} (explicit {@code kafka.<key>} options win) for Spark's consumer and the DLQ producer,
 * and the registry URL with the file's keys for the deserializer on the executors (its basic auth, TLS).
 * The driver reads the file; the values reach the executors inside the job, never on a command line.
 *
 * @param kafkaOptions Spark Kafka source options, each {@code kafka.<client key>}
 * @param registry     the deserializer's configuration
 */
record ClientConfig(Map<String, String> kafkaOptions, Map<String, String> registry) {

    private static final Set<String> KAFKA_CLIENT_KEYS;

    static {
        Set<String> keys = new java.util.HashSet<>(ConsumerConfig.configNames());
        keys.addAll(ProducerConfig.configNames());
        KAFKA_CLIENT_KEYS = Set.copyOf(keys);
    }

    /** @throws InvalidOptionException naming {@code client-config} when the registry settings are refused */
    static ClientConfig of(JobOptions parsed) {
        Map<String, String> file = parsed.find(BackfillOptions.CLIENT_CONFIG).orElse(Map.of());
        Map<String, String> kafka = new TreeMap<>();
        file.forEach((key, value) -> {
            if (KAFKA_CLIENT_KEYS.contains(key)) {
                kafka.put(BackfillOptions.KAFKA_PREFIX + key, value);
            }
        });
        kafka.putAll(parsed.withPrefix(BackfillOptions.KAFKA_PREFIX, false));
        Map<String, String> registry = new HashMap<>(file);
        registry.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, parsed.get(BackfillOptions.SCHEMA_REGISTRY_URL));
        registry.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true");
        try {
            // checked here, on the driver, rather than at the first record on an executor
            new AvroSerdeConfig(registry).registrySettings();
        } catch (ConfigException | IllegalArgumentException e) {
            throw new InvalidOptionException(BackfillOptions.CLIENT_CONFIG.name(), "the registry settings are refused: "
                    + e.getMessage());
        }
        return new ClientConfig(Map.copyOf(kafka), Map.copyOf(registry));
    }

    /** The DLQ producer's configuration: the Kafka options without their prefix, and the bootstrap servers. */
    Map<String, String> producerConfig(String bootstrapServers) {
        Map<String, String> producer = new HashMap<>();
        kafkaOptions.forEach((key, value) -> producer.put(key.substring(BackfillOptions.KAFKA_PREFIX.length()), value));
        producer.put("bootstrap.servers", bootstrapServers);
        return producer;
    }
}
