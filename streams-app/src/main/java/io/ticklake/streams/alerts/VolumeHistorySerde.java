package io.ticklake.streams.alerts;

import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Binary serde of a volume history ({@code long[]}, oldest first) for its store and changelog. */
final class VolumeHistorySerde implements Serde<long[]>, Serializer<long[]>, Deserializer<long[]> {

    @Override
    public byte[] serialize(String topic, long[] volumes) {
        if (volumes == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(volumes.length * Long.BYTES);
        for (long volume : volumes) {
            buffer.putLong(volume);
        }
        return buffer.array();
    }

    @Override
    public long[] deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length % Long.BYTES != 0) {
            throw new SerializationException("Not a volume history (" + data.length + " bytes) on '" + topic + "'");
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        long[] volumes = new long[data.length / Long.BYTES];
        for (int i = 0; i < volumes.length; i++) {
            volumes[i] = buffer.getLong();
        }
        return volumes;
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
