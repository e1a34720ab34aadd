package io.ticklake.streams.ingest;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.registry.SchemaRegistryException;
import io.ticklake.schemas.serde.SpecificAvroSerde;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Reads {@code stock-ticks} values into {@link CheckedTick}s without ever failing on a bad payload:
 * garbage, a wrong magic byte, an unknown schema id or a value of another record type become an
 * undecodable {@code CheckedTick} carrying the original bytes and the reason, so the topology can
 * dead-letter it inside the same exactly-once transaction as everything else.
 *
 * <p>A registry that cannot be reached (or answers anything but "not found") is not the record's
 * fault: that error is rethrown, the stream thread fails and is replaced, and the record is read
 * again from the last committed offset once the registry is back. Nothing is dead-lettered for it.
 *
 * <p>The serializer writes back the original bytes, so the serde round-trips.
 */
public final class TickDecoder implements Serde<CheckedTick>, Deserializer<CheckedTick>, Serializer<CheckedTick> {

    private final Deserializer<StockTick> avro;

    /** @param serdeConfig the Avro serde configuration ({@code schema.registry.url}, auth, ...) */
    public TickDecoder(Map<String, ?> serdeConfig) {
        SpecificAvroSerde<StockTick> serde = new SpecificAvroSerde<>();
        serde.configure(serdeConfig, false);
        this.avro = serde.deserializer();
    }

    @Override
    public CheckedTick deserialize(String topic, byte[] value) {
        if (value == null) {
            return CheckedTick.undecodable(null, new SerializationException(
                    "Record on topic '" + topic + "' has no value (a tombstone is not a tick)"));
        }
        Object decoded;
        try {
            decoded = avro.deserialize(topic, value);
        } catch (SerializationException e) {
            if (isRegistryTrouble(e)) {
                throw e;
            }
            return CheckedTick.undecodable(value, e);
        } catch (RuntimeException e) {
            // e.g. a ClassCastException when the writer schema is another generated class
            return CheckedTick.undecodable(value, e);
        }
        if (!(decoded instanceof StockTick tick)) {
            return CheckedTick.undecodable(value, new SerializationException("Value on topic '" + topic
                    + "' is a " + decoded.getClass().getName() + ", not a " + StockTick.class.getName()));
        }
        return CheckedTick.decoded(tick, value);
    }

    /**
     * Whether {@code error} comes from a registry that could not be reached or failed (anything but "not
     * found"): not the record's fault, so it is rethrown rather than blamed on the payload.
     */
    public static boolean isRegistryTrouble(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException registryError) {
                return !registryError.isNotFound();
            }
        }
        return false;
    }

    @Override
    public byte[] serialize(String topic, CheckedTick tick) {
        return tick == null ? null : tick.rawValue();
    }

    @Override
    public Deserializer<CheckedTick> deserializer() {
        return this;
    }

    @Override
    public Serializer<CheckedTick> serializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure
    }

    @Override
    public void close() {
        avro.close();
    }
}
