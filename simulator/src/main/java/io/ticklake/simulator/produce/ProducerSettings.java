package io.ticklake.simulator.produce;

import io.ticklake.schemas.serde.AvroSerdeConfig;
import io.ticklake.schemas.serde.KafkaAvroSerializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Where and how ticks are produced.
 *
 * @param bootstrapServers  Kafka bootstrap servers
 * @param schemaRegistryUrl the registry (any Confluent-compatible one)
 * @param topic             target topic
 * @param overrides         extra or overriding client properties (security, tuning), applied last
 * @param checkTimeout      how long the start-up checks wait for the broker and the registry
 */
public record ProducerSettings(String bootstrapServers, String schemaRegistryUrl, String topic,
                               Map<String, String> overrides, Duration checkTimeout) {

    public static final String DEFAULT_TOPIC = "stock-ticks";

    public ProducerSettings {
        requireText("bootstrap servers", bootstrapServers);
        requireText("schema registry URL", schemaRegistryUrl);
        requireText("topic", topic);
        overrides = Map.copyOf(overrides == null ? Map.of() : overrides);
        if (checkTimeout == null || checkTimeout.isNegative() || checkTimeout.isZero()) {
            throw new IllegalArgumentException("checkTimeout must be positive, was " + checkTimeout);
        }
    }

    /** Settings with no overrides and a 10 s check timeout. */
    public static ProducerSettings of(String bootstrapServers, String schemaRegistryUrl, String topic) {
        return new ProducerSettings(bootstrapServers, schemaRegistryUrl, topic, Map.of(), Duration.ofSeconds(10));
    }

    /**
     * The producer's configuration. Durable and ordered per key: {@code acks=all} with idempotence (no
     * duplicates or reordering on retries, up to 5 requests in flight). Throughput: lz4 (the cheapest
     * codec per byte on CPU, which is what a 2-core machine runs out of first; zstd measured at half the
     * rate) and 256 KiB batches, so at high rates ticks travel in few large compressed requests. Linger
     * stays at 5 ms: at high rates batches fill before it matters (20 ms measured no faster), at low
     * rates it bounds the added latency.
     */
    public Map<String, Object> producerProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "ticklake-simulator");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName());
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        // Once the start-up checks passed, a send that cannot get metadata for this long means the broker is gone.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        props.putAll(overrides);
        return props;
    }

    /** Client properties for the start-up admin check: connection and security settings, not producer tuning. */
    public Map<String, Object> adminProperties() {
        Map<String, Object> props = new HashMap<>();
        overrides.forEach((key, value) -> {
            if (key.startsWith("security.") || key.startsWith("ssl.") || key.startsWith("sasl.")
                    || key.startsWith("client.dns.") || key.equals("client.id")) {
                props.put(key, value);
            }
        });
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
