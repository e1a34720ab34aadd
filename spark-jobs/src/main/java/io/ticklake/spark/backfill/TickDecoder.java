package io.ticklake.spark.backfill;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.contract.StockTickContract;
import io.ticklake.schemas.serde.KafkaAvroDeserializer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Decodes Confluent-wire Avro values into {@link StockTick}s with the project's deserializer. One
 * deserializer per registry configuration and executor JVM: its schema cache then serves every task, so a schema is
 * fetched from the registry once per executor, not per record or batch.
 */
final class TickDecoder {

    private static final Map<Map<String, String>, KafkaAvroDeserializer> BY_REGISTRY = new ConcurrentHashMap<>();

    private TickDecoder() {
    }

    /**
     * @param registryConfig    the deserializer's configuration: the registry URL, its basic auth and TLS
     * @param recordTimestampMs the record's Kafka timestamp, which the contract's future rule is judged against
     * @throws SerializationException when the bytes are not a StockTick in the wire format, or the record breaks
     *         the StockTick contract (the message says why)
     */
    static StockTick decode(Map<String, String> registryConfig, String topic, byte[] key, byte[] value, long recordTimestampMs,
                            long maxFutureMs) {
        if (value == null) {
            throw new SerializationException("Null value (tombstone) on topic '" + topic + "' is not a StockTick");
        }
        Object decoded = BY_REGISTRY.computeIfAbsent(registryConfig, TickDecoder::create).deserialize(topic, value);
        if (decoded instanceof StockTick tick) {
            // a decodable tick that breaks the contract is dead-lettered like an undecodable one, never landed
            String keyText = key == null ? null : new String(key, StandardCharsets.UTF_8);
            StockTickContract.violation(keyText, tick, recordTimestampMs, maxFutureMs).ifPresent(violation -> {
                throw new SerializationException("Tick on topic '" + topic + "' breaks the StockTick contract: "
                        + violation);
            });
            return tick;
        }
        throw new SerializationException("Value on topic '" + topic + "' is a "
                + (decoded == null ? "null" : decoded.getClass().getName()) + ", not a StockTick");
    }

    private static KafkaAvroDeserializer create(Map<String, String> registryConfig) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(registryConfig, false);
        return deserializer;
    }
}
