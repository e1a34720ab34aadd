package io.ticklake.streams.testing;

import io.ticklake.schemas.WindowKpi;
import io.ticklake.schemas.serde.KafkaAvroSerializer;
import io.ticklake.schemas.serde.SpecificAvroSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Producers and read_committed readers on the real broker, for integration tests. */
public final class KafkaTestIo {

    private KafkaTestIo() {
    }

    /** A producer of ticks: String keys, Avro values through the registry. */
    public static KafkaProducer<String, Object> tickProducer(String bootstrap, String registryUrl) {
        return tickProducer(bootstrap, registryUrl, Map.of());
    }

    /** A producer of ticks with {@code overrides} on top of the defaults, e.g. another {@code partitioner.class}. */
    public static KafkaProducer<String, Object> tickProducer(String bootstrap, String registryUrl,
                                                             Map<String, Object> overrides) {
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(Map.of("schema.registry.url", registryUrl), false);
        Map<String, Object> config = new HashMap<>(producerConfig(bootstrap));
        config.putAll(overrides);
        return new KafkaProducer<>(config, new StringSerializer(), values);
    }

    /** A producer of raw bytes (poison pills). */
    public static KafkaProducer<byte[], byte[]> rawProducer(String bootstrap) {
        return new KafkaProducer<>(producerConfig(bootstrap), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static Map<String, Object> producerConfig(String bootstrap) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5);
    }

    /** Reads {@code topic} from the start with read_committed until {@code done} holds for what was read, or fails at the deadline. */
    public static <K, V> List<ConsumerRecord<K, V>> readUntil(String bootstrap, String topic, Deserializer<K> keys,
                                                              Deserializer<V> values,
                                                              Predicate<List<ConsumerRecord<K, V>>> done,
                                                              Duration timeout) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(consumerConfig(bootstrap), keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(timeout);
            while (!done.test(records)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("gave up reading " + topic + " after " + timeout + " with "
                            + records.size() + " records");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // then everything committed up to the end, so that a late duplicate shows up too
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The KPIs on {@code topic} (read_committed), once {@code done} holds. */
    public static List<WindowKpi> readKpis(String bootstrap, String registryUrl, String topic,
                                           Predicate<List<WindowKpi>> done, Duration timeout) {
        SpecificAvroSerde<WindowKpi> serde = new SpecificAvroSerde<>();
        serde.configure(Map.of("schema.registry.url", registryUrl), false);
        return readUntil(bootstrap, topic, new StringDeserializer(), serde.deserializer(),
                records -> done.test(records.stream().map(ConsumerRecord::value).collect(Collectors.toList())),
                timeout).stream().map(ConsumerRecord::value).collect(Collectors.toList());
    }

    /** The DLQ records on {@code topic} (read_committed), once there are {@code count}. */
    public static List<ConsumerRecord<byte[], byte[]>> readDlq(String bootstrap, String topic, int count,
                                                              Duration timeout) {
        return readUntil(bootstrap, topic, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                records -> records.size() >= count, timeout);
    }

    private static Map<String, Object> consumerConfig(String bootstrap) {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }
}
