package io.ticklake.streams.alerts;

import io.ticklake.streams.kpi.Candle;
import io.ticklake.streams.kpi.CandleSerde;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Fixed-layout binary serde of {@link SymbolState} for its store and changelog (internal state: no registry).
 * A version byte, the newest tick, then per window its start, whether the previous window is known, and the two
 * candles in {@link CandleSerde}'s layout.
 */
final class SymbolStateSerde implements Serde<SymbolState>, Serializer<SymbolState>, Deserializer<SymbolState> {

    private static final byte VERSION = 1;
    private static final int HEAD = 1 + 4 * Long.BYTES + 1;
    private static final int PER_WINDOW = Long.BYTES + 1 + 2 * CandleSerde.SIZE;

    @Override
    public byte[] serialize(String topic, SymbolState state) {
        if (state == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(HEAD + state.windows.length * PER_WINDOW);
        buffer.put(VERSION).putLong(state.lastEventTime).putLong(state.lastSequence).putDouble(state.lastPrice)
                .putLong(state.lastSeenWallMs).put((byte) state.windows.length);
        for (TrackedWindow window : state.windows) {
            buffer.putLong(window.start).put((byte) (window.previousKnown ? 1 : 0));
            CandleSerde.write(window.current, buffer);
            CandleSerde.write(window.previous, buffer);
        }
        return buffer.array();
    }

    @Override
    public SymbolState deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        SymbolState state = new SymbolState();
        if (data.length != HEAD + state.windows.length * PER_WINDOW || data[0] != VERSION
                || data[HEAD - 1] != state.windows.length) {
            throw new SerializationException("Not a version-" + VERSION + " alert symbol state (" + data.length
                    + " bytes) on '" + topic + "'");
        }
        ByteBuffer buffer = ByteBuffer.wrap(data, 1, data.length - 1);
        state.lastEventTime = buffer.getLong();
        state.lastSequence = buffer.getLong();
        state.lastPrice = buffer.getDouble();
        state.lastSeenWallMs = buffer.getLong();
        buffer.get();
        for (TrackedWindow window : state.windows) {
            window.start = buffer.getLong();
            window.previousKnown = buffer.get() == 1;
            window.current = candle(topic, buffer);
            window.previous = candle(topic, buffer);
        }
        return state;
    }

    private static Candle candle(String topic, ByteBuffer buffer) {
        try {
            return CandleSerde.read(buffer);
        } catch (SerializationException e) {
            throw new SerializationException("Not an alert symbol state on '" + topic + "': " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<SymbolState> serializer() {
        return this;
    }

    @Override
    public Deserializer<SymbolState> deserializer() {
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
