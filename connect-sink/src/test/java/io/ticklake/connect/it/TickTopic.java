package io.ticklake.connect.it;

import io.ticklake.connect.testing.Ticks;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.serde.KafkaAvroSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A tick topic of the test platform: produces Confluent-wire StockTicks through the real registry,
 * raw bytes (poison), and reads back what a topic holds.
 */
final class TickTopic implements AutoCloseable {

    static final String[] SYMBOLS = {"ACME", "GLOBX", "INITECH", "UMBRL", "WAYNE", "STARK", "TYRELL", "CYBER"};
    /** Ticks start here and run over the next hours, so files land in several hour directories. */
    static final Instant START = Instant.parse("2026-11-20T13:40:00Z");

    private final String bootstrap;
    private final String topic;
    private final KafkaProducer<String, Object> producer;
    private final KafkaProducer<String, byte[]> rawProducer;

    TickTopic(String bootstrap, String registryUrl, String topic) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(Map.of("schema.registry.url", registryUrl), false);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), values);
        this.rawProducer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Ticks number {@code from} (inclusive) to {@code to}, 400 ms of event time apart. */
    void produce(long from, long to) {
        for (long i = from; i < to; i++) {
            String symbol = SYMBOLS[(int) (i % SYMBOLS.length)];
            StockTick tick = Ticks.tick(symbol, START.plusMillis(400 * i), i);
            producer.send(new ProducerRecord<>(topic, symbol, tick));
        }
        producer.flush();
    }

    /** Produces at about {@code perSecond} ticks per second, in small bursts. */
    void produceSlowly(long from, long to, int perSecond) throws InterruptedException {
        int burst = Math.max(1, perSecond / 10);
        for (long i = from; i < to; i += burst) {
            produce(i, Math.min(to, i + burst));
            Thread.sleep(100); // pacing the producer, not synchronizing the test
        }
    }

    void produceRaw(String key, byte[] value) throws ExecutionException, InterruptedException {
        rawProducer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    /** Every (partition, offset) the topic holds. */
    Set<String> coordinates() {
        Set<String> result = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : readAll(topic)) {
            result.add(record.partition() + "@" + record.offset());
        }
        return result;
    }

    /** Every record of {@code name}, from the beginning to the current end. */
    List<ConsumerRecord<byte[], byte[]>> readAll(String name) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(name).stream()
                    .map(p -> new TopicPartition(name, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + name + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    @Override
    public void close() {
        producer.close();
        rawProducer.close();
    }
}
