package io.ticklake.simulator.testing;

import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.tick.SinkStats;
import io.ticklake.simulator.tick.TickSink;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what it is sent, acknowledging everything; counts flushes. */
public final class CollectingSink implements TickSink {

    private final List<StockTick> ticks = new ArrayList<>();
    private int flushes;

    @Override
    public synchronized void send(StockTick tick) {
        ticks.add(tick);
    }

    @Override
    public synchronized void flush() {
        flushes++;
    }

    @Override
    public synchronized SinkStats stats() {
        return new SinkStats(ticks.size(), ticks.size(), 0, null);
    }

    public synchronized List<StockTick> ticks() {
        return List.copyOf(ticks);
    }

    public synchronized int flushes() {
        return flushes;
    }
}
