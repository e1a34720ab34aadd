package io.ticklake.spark.backfill;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends undecodable records to the dead-letter topic with the original key and value bytes and headers
 * saying what failed where. One producer per executor JVM and cluster. A replayed batch may send a
 * record twice (at least once); the headers' original coordinates identify it.
 */
final class DeadLetterPublisher {

    static final String STAGE = "spark-backfill";
    static final String HEADER_ERROR_CLASS = "error.class";
    static final String HEADER_ERROR_MESSAGE = "error.message";
    static final String HEADER_STAGE = "error.stage";
    static final String HEADER_TOPIC = "original.topic";
    static final String HEADER_PARTITION = "original.partition";
    static final String HEADER_OFFSET = "original.offset";

    private static final Map<Map<String, String>, KafkaProducer<byte[], byte[]>> PRODUCERS = new ConcurrentHashMap<>();

    private DeadLetterPublisher() {
    }

    static Future<?> send(Map<String, String> producerConfig, String dlqTopic, byte[] key, byte[] value,
                          String topic, int partition, long offset, Exception error) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER_ERROR_CLASS, utf8(error.getClass().getName()));
        headers.add(HEADER_ERROR_MESSAGE, utf8(String.valueOf(error.getMessage())));
        headers.add(HEADER_STAGE, utf8(STAGE));
        headers.add(HEADER_TOPIC, utf8(topic));
        headers.add(HEADER_PARTITION, utf8(Integer.toString(partition)));
        headers.add(HEADER_OFFSET, utf8(Long.toString(offset)));
        return producer(producerConfig).send(new ProducerRecord<>(dlqTopic, null, key, value, headers));
    }

    static void flush(Map<String, String> producerConfig) {
        KafkaProducer<byte[], byte[]> producer = PRODUCERS.get(producerConfig);
        if (producer != null) {
            producer.flush();
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(Map<String, String> config) {
        return PRODUCERS.computeIfAbsent(config, c -> {
            Map<String, Object> props = new HashMap<>(c);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            return new KafkaProducer<>(props);
        });
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
