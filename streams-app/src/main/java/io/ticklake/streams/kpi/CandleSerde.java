package io.ticklake.streams.kpi;

import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Fixed-layout binary serde of {@link Candle} for the window store and its changelog. State is
 * internal to the application, so it needs no registry round trip; the leading version byte lets a
 * later layout be read next to this one.
 */
public final class CandleSerde implements Serde<Candle>, Serializer<Candle>, Deserializer<Candle> {

    private static final byte VERSION = 1;
    /** Bytes of one serialized candle. */
    public static final int SIZE = 1 + 13 * Long.BYTES;

    @Override
    public byte[] serialize(String topic, Candle candle) {
        if (candle == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(SIZE);
        write(candle, buffer);
        return buffer.array();
    }

    @Override
    public Candle deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length != SIZE || data[0] != VERSION) {
            throw new SerializationException("Not a version-" + VERSION + " candle (" + data.length
                    + " bytes) on '" + topic + "'");
        }
        return read(ByteBuffer.wrap(data));
    }

    /** Writes {@code candle} at the buffer's position in this layout ({@link #SIZE} bytes, version byte first). */
    public static void write(Candle candle, ByteBuffer buffer) {
        buffer.put(VERSION)
                .putLong(candle.count)
                .putDouble(candle.sumPrice)
                .putDouble(candle.m2)
                .putDouble(candle.sumPriceVolume)
                .putLong(candle.volume)
                .putDouble(candle.high)
                .putDouble(candle.low)
                .putDouble(candle.open)
                .putLong(candle.openTime)
                .putLong(candle.openSequence)
                .putDouble(candle.close)
                .putLong(candle.closeTime)
                .putLong(candle.closeSequence);
    }

    /** Reads a candle written by {@link #write} from the buffer's position. */
    public static Candle read(ByteBuffer buffer) {
        byte version = buffer.get();
        if (version != VERSION) {
            throw new SerializationException("Not a version-" + VERSION + " candle (version " + version + ")");
        }
        Candle candle = new Candle();
        candle.count = buffer.getLong();
        candle.sumPrice = buffer.getDouble();
        candle.m2 = buffer.getDouble();
        candle.sumPriceVolume = buffer.getDouble();
        candle.volume = buffer.getLong();
        candle.high = buffer.getDouble();
        candle.low = buffer.getDouble();
        candle.open = buffer.getDouble();
        candle.openTime = buffer.getLong();
        candle.openSequence = buffer.getLong();
        candle.close = buffer.getDouble();
        candle.closeTime = buffer.getLong();
        candle.closeSequence = buffer.getLong();
        return candle;
    }

    @Override
    public Serializer<Candle> serializer() {
        return this;
    }

    @Override
    public Deserializer<Candle> deserializer() {
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
