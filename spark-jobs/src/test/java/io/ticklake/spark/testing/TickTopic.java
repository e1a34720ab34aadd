package io.ticklake.spark.testing;

import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.serde.AvroSerdeConfig;
import io.ticklake.schemas.serde.KafkaAvroSerializer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A fresh topic of the real broker filled with StockTicks in the Confluent wire format (through the real
 * registry) and, where asked, with bytes that are not. Remembers what it produced where.
 */
public final class TickTopic {

    /** One produced tick and where it landed in Kafka. */
    public record Produced(StockTick tick, int partition, long offset) {

        public String coordinate(String topic) {
            return topic + "/" + partition + "@" + offset;
        }
    }

    private final TestPlatform platform;
    private final String name;
    private final int partitions;
    private final List<Produced> produced = new ArrayList<>();
    private final List<String> garbage = new ArrayList<>();

    public TickTopic(TestPlatform platform, String prefix, int partitions) {
        this.platform = platform;
        this.name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.partitions = partitions;
        createTopic(platform, name, partitions);
    }

    /** Creates a topic, retrying while a just-started broker still answers that it hosts no such partition. */
    public static void createTopic(TestPlatform platform, String name, int partitions) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .ignoreException(IllegalStateException.class)
                .until(() -> {
                    platform.createTopic(name, partitions);
                    return true;
                });
    }

    public String name() {
        return name;
    }

    public List<Produced> produced() {
        return List.copyOf(produced);
    }

    /** Coordinates of the undecodable records. */
    public List<String> garbage() {
        return List.copyOf(garbage);
    }

    /** Produces {@code perPartition} ticks to every partition, event times every 72 s from {@code start}. */
    public void produceTicks(int perPartition, Instant start) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl());
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(),
                serializer(config))) {
            for (int partition = 0; partition < partitions; partition++) {
                for (int i = 0; i < perPartition; i++) {
                    long seq = produced.size();
                    StockTick tick = StockTick.newBuilder().setSymbol("S" + (seq % 4)).setPrice(100 + (seq % 17) * 0.5)
                            .setVolume(seq % 50).setBid(i % 2 == 0 ? null : 99.0).setAsk(100.5)
                            .setEventTime(start.plusSeconds(72L * i).plusMillis(partition)).setSequence(seq)
                            .setSource("SIMULATOR").build();
                    RecordMetadata meta = producer.send(new ProducerRecord<>(name, partition, tick.getSymbol(), tick))
                            .get();
                    produced.add(new Produced(tick, meta.partition(), meta.offset()));
                }
            }
        }
    }

    private static KafkaAvroSerializer serializer(Map<String, Object> config) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        return serializer;
    }

    /** Produces values that are not Confluent-wire StockTicks: wrong magic byte, unknown schema id, truncated. */
    public void produceGarbage(int partition) throws Exception {
        List<byte[]> values = List.of(new byte[] {7, 1, 2, 3, 4, 5}, new byte[] {0, 0x7f, 0, 0, 1, 2, 4},
                new byte[] {0, 0});
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (byte[] value : values) {
                RecordMetadata meta = producer.send(new ProducerRecord<>(name, partition, null, value)).get();
                garbage.add(name + "/" + meta.partition() + "@" + meta.offset());
            }
        }
    }
}
