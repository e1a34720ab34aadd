package io.ticklake.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.schemas.StockTick;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The serde in a real producer and consumer, against a real broker and a real registry. */
@ExtendWith(LocalPlatformExtension.class)
class AvroSerdeKafkaIT {

    @Test
    void ticksRoundTripThroughKafkaAndTheRegistry(TestPlatform platform) {
        String topic = "serde-it-" + UUID.randomUUID();
        platform.createTopic(topic, 2);
        List<StockTick> sent = List.of(tick("AAPL", 189.5, 1), tick("MSFT", 412.1, 1), tick("AAPL", 189.7, 2));

        try (KafkaProducer<String, Object> producer = producer(platform)) {
            for (StockTick tick : sent) {
                producer.send(new ProducerRecord<>(topic, tick.getSymbol(), tick));
            }
            producer.flush();
        }

        List<Object> received = consumeAll(platform, topic, sent.size(), true);
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void incompatibleSchemaIsRefusedBeforeAnythingIsProduced(TestPlatform platform) throws IOException {
        String topic = "serde-incompatible-" + UUID.randomUUID();
        platform.createTopic(topic, 1);
        GenericRecord incompatible = new GenericData.Record(schema("/avro/StockTick-incompatible.avsc"));
        StockTick valid = tick("IBM", 140.0, 1);
        for (Schema.Field field : StockTick.getClassSchema().getFields()) {
            incompatible.put(field.name(), field.name().equals("event_time")
                    ? valid.getEventTime().toEpochMilli() : valid.get(field.name()));
        }
        incompatible.put("exchange", "XNYS");

        try (KafkaProducer<String, Object> producer = producer(platform)) {
            producer.send(new ProducerRecord<>(topic, "IBM", valid));
            producer.flush();
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "IBM", incompatible)))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining(topic + "-value")
                    .hasMessageContaining("409");
            producer.flush();
        }

        List<Object> received = consumeAll(platform, topic, 1, false);
        assertThat(received).hasSize(1);
        assertThat(((GenericRecord) received.get(0)).getSchema().getField("exchange")).isNull();
    }

    private static KafkaProducer<String, Object> producer(TestPlatform platform) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class,
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl()));
    }

    /** Reads the whole topic until {@code expected} records arrived and one more poll finds nothing new. */
    private static List<Object> consumeAll(TestPlatform platform, String topic, int expected, boolean specific) {
        List<Object> values = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "serde-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class,
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, specific))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofSeconds(1))) {
                values.add(record.value());
            }
        }
        return values;
    }

    private static StockTick tick(String symbol, double price, long sequence) {
        return StockTick.newBuilder().setSymbol(symbol).setPrice(price).setVolume(10).setBid(null).setAsk(null)
                .setEventTime(Instant.parse("2026-11-20T14:30:00Z")).setSequence(sequence).setSource("SIMULATOR")
                .build();
    }

    private static Schema schema(String path) throws IOException {
        try (InputStream in = AvroSerdeKafkaIT.class.getResourceAsStream(path)) {
            return new Schema.Parser().parse(in);
        }
    }
}
