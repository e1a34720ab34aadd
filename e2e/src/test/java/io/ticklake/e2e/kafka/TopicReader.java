package io.ticklake.e2e.kafka;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.serde.AvroSerdeConfig;
import io.ticklake.schemas.serde.KafkaAvroDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic, from the beginning to its end as of the call, with {@code read_committed}
 * (so only what the exactly-once writers committed), without a consumer group.
 */
public final class TopicReader {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final String registryUrl;
    private final Map<String, String> clientSettings;

    public TopicReader(String bootstrapServers, String registryUrl) {
        this(bootstrapServers, registryUrl, Map.of());
    }

    /**
     * A reader of a secured cluster.
     *
     * @param clientSettings a client properties file's keys: Kafka security ({@code security.protocol},
     *                       {@code sasl.*}, {@code ssl.*}) and registry TLS ({@code schema.registry.ssl.*})
     */
    public TopicReader(String bootstrapServers, String registryUrl, Map<String, String> clientSettings) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.clientSettings = Map.copyOf(clientSettings);
    }

    /** Every record of the ticks topic, decoded with the project's Avro deserializer; undecodable ones fail. */
    public List<TickRecord> ticks(String topic) {
        try (KafkaAvroDeserializer avro = new KafkaAvroDeserializer()) {
            Map<String, Object> serde = new HashMap<>(clientSettings);
            serde.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
            serde.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
            avro.configure(serde, false);
            List<TickRecord> ticks = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : raw(topic)) {
                Object value = avro.deserialize(topic, record.value());
                String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                ticks.add(new TickRecord(topic, record.partition(), record.offset(), key, record.timestamp(),
                        (StockTick) value));
            }
            return ticks;
        }
    }

    /** Every record of a dead-letter topic with its headers. */
    public List<DlqRecord> deadLetters(String topic) {
        List<DlqRecord> records = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : raw(topic)) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null
                        : new String(header.value(), StandardCharsets.UTF_8));
            }
            records.add(new DlqRecord(record.partition(), record.offset(), record.key(), record.value(), headers));
        }
        return records;
    }

    /** The raw records of every partition, in partition and offset order. */
    public List<ConsumerRecord<byte[], byte[]>> raw(String topic) {
        Properties props = new Properties();
        clientSettings.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                props.put(key, value);
            }
        });
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, DEADLINE).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, DEADLINE);
            Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> byPartition = new LinkedHashMap<>();
            partitions.forEach(tp -> byPartition.put(tp, new ArrayList<>()));
            Instant deadline = Instant.now().plus(DEADLINE);
            while (!reachedEnd(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + end + " within "
                            + DEADLINE);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(tp)) {
                        byPartition.get(tp).add(record);
                    }
                }
            }
            List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
            byPartition.values().forEach(all::addAll);
            return all;
        }
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }
}
