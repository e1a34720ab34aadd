package io.ticklake.streams.state;

import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Binary serde of a {@code long[]} (8 bytes per element, in order) for a store and its changelog. */
public final class LongArraySerde implements Serde<long[]>, Serializer<long[]>, Deserializer<long[]> {

    @Override
    public byte[] serialize(String topic, long[] values) {
        if (values == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Long.BYTES);
        for (long value : values) {
            buffer.putLong(value);
        }
        return buffer.array();
    }

    @Override
    public long[] deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length % Long.BYTES != 0) {
            throw new SerializationException("Not a long array (" + data.length + " bytes) on '" + topic + "'");
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        long[] values = new long[data.length / Long.BYTES];
        for (int i = 0; i < values.length; i++) {
            values[i] = buffer.getLong();
        }
        return values;
    }

    @Override
    public Serializer<long[]> serializer() {
        return this;
    }

    @Override
    public Deserializer<long[]> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure
    }

    @Override
    public void close() {
    }
}
