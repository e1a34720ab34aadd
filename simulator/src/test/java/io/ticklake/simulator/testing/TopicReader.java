package io.ticklake.simulator.testing;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.serde.AvroSerdeConfig;
import io.ticklake.schemas.serde.KafkaAvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic back through the registry ({@link KafkaAvroDeserializer} with
 * {@code specific.avro.reader=true}), as a downstream consumer would.
 */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * Every record of {@code topic}: reads until {@code expected} records arrived (or 60 s passed), then
     * once more for a second to catch any record beyond the expected ones.
     */
    public static List<ConsumerRecord<String, StockTick>> readAll(String bootstrap, String registry, String topic,
                                                                  long expected) {
        List<ConsumerRecord<String, StockTick>> records = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                add(records, consumer.poll(Duration.ofMillis(200)));
            }
            add(records, consumer.poll(Duration.ofSeconds(1)));
        }
        return records;
    }

    private static void add(List<ConsumerRecord<String, StockTick>> records,
                            Iterable<ConsumerRecord<String, Object>> batch) {
        for (ConsumerRecord<String, Object> record : batch) {
            records.add(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.key(),
                    (StockTick) record.value()));
        }
    }
}
