package io.ticklake.simulator.tick;

import io.ticklake.schemas.StockTick;

/** Where ticks go: the Kafka producer, or a list in tests. */
public interface TickSink extends AutoCloseable {

    /** Hands over one tick; it may be sent later (batched). */
    void send(StockTick tick);

    /** Returns when every tick handed over so far is delivered or has failed. */
    default void flush() {
    }

    /** What the sink did so far; read by the progress line from another thread. */
    default SinkStats stats() {
        return SinkStats.NONE;
    }

    @Override
    default void close() {
    }
}
