package io.ticklake.schemas.serde;

import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A typed {@link Serde} over the untyped Avro serializer and deserializer; subclasses fix the type
 * and how the reader is configured.
 *
 * @param <T> the record type
 */
abstract class TypedAvroSerde<T> implements Serde<T> {

    private final KafkaAvroSerializer serializer;
    private final KafkaAvroDeserializer deserializer;
    private final Class<T> type;

    TypedAvroSerde(KafkaAvroSerializer serializer, KafkaAvroDeserializer deserializer, Class<T> type) {
        this.serializer = serializer;
        this.deserializer = deserializer;
        this.type = type;
    }

    /** The configuration the serializer and deserializer get, derived from the user's. */
    abstract Map<String, ?> effectiveConfig(Map<String, ?> configs);

    KafkaAvroDeserializer rawDeserializer() {
        return deserializer;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, ?> effective = effectiveConfig(configs);
        serializer.configure(effective, isKey);
        deserializer.configure(effective, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return new Serializer<>() {
            @Override
            public byte[] serialize(String topic, T data) {
                return serializer.serialize(topic, data);
            }

            @Override
            public void close() {
                serializer.close();
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return new Deserializer<>() {
            @Override
            public T deserialize(String topic, byte[] data) {
                return type.cast(deserializer.deserialize(topic, data));
            }

            @Override
            public void close() {
                deserializer.close();
            }
        };
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
