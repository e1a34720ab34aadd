package io.ticklake.connect.decode;

import io.ticklake.schemas.registry.SchemaRegistryException;
import io.ticklake.schemas.serde.KafkaAvroDeserializer;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * Turns a record value (Confluent-wire Avro bytes) into a generated contract class. The deserializer
 * reads with the writer's schema and projects onto the current generated class, so every compatible
 * schema version lands in the same columns and a new version never starts a new file.
 *
 * <p>Two kinds of failure: a value that can never be decoded (wrong format, unknown schema id,
 * another contract) is a {@link DataException} for the dead-letter queue; a registry that cannot be
 * reached is a {@link RetriableException}, because the same bytes will decode once it is back.
 */
public final class AvroValueDecoder<T> implements AutoCloseable {

    private final Class<T> contract;
    private final Deserializer<Object> deserializer;

    /** With the project's Avro deserializer configured from {@code config} (specific reader on). */
    public AvroValueDecoder(Map<String, ?> config, Class<T> contract) {
        this.contract = contract;
        KafkaAvroDeserializer avro = new KafkaAvroDeserializer();
        avro.configure(config, false);
        this.deserializer = avro;
    }

    public T decode(String topic, byte[] value) {
        Object decoded;
        try {
            decoded = deserializer.deserialize(topic, value);
        } catch (SerializationException e) {
            SchemaRegistryException registryFailure = registryFailure(e);
            if (registryFailure != null && !registryFailure.isNotFound()) {
                throw new RetriableException("the schema registry cannot be reached: " + e.getMessage(), e);
            }
            throw new DataException(e.getMessage(), e);
        }
        if (contract.isInstance(decoded)) {
            return contract.cast(decoded);
        }
        String what = decoded == null ? "null" : decoded.getClass().getName();
        throw new DataException("value on topic '" + topic + "' is a " + what + ", not an " + contract.getName());
    }

    private static SchemaRegistryException registryFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryException e) {
                return e;
            }
        }
        return null;
    }

    @Override
    public void close() {
        deserializer.close();
    }
}
