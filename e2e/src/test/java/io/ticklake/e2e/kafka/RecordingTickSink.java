package io.ticklake.e2e.kafka;

import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.tick.SinkStats;
import io.ticklake.simulator.tick.TickSink;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes every tick on to the real sink and keeps a copy: exactly what the simulator sent (valid,
 * late, duplicated and invalid ones), in send order, for the test's independent computations.
 */
public final class RecordingTickSink implements TickSink {

    private final TickSink delegate;
    private final List<StockTick> sent = new ArrayList<>();

    public RecordingTickSink(TickSink delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized void send(StockTick tick) {
        delegate.send(tick);
        sent.add(StockTick.newBuilder(tick).build());
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public SinkStats stats() {
        return delegate.stats();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** The ticks handed over so far, in order. */
    public synchronized List<StockTick> sent() {
        return List.copyOf(sent);
    }
}
