package io.ticklake.simulator.tick;

import io.ticklake.schemas.StockTick;
import java.util.Map;
import java.util.Optional;

/**
 * Where ticks come from: the simulated market, a CSV replay or the Alpha Vantage poller. A source
 * hands out ticks in the order it wants them sent; it may block (a poller waits for its next call).
 * Not thread-safe: one run loop pulls from it.
 */
public interface TickSource extends AutoCloseable {

    /**
     * The next tick, or empty when the source has no more.
     *
     * @throws InterruptedException when the run is stopped while the source waits
     */
    Optional<StockTick> next() throws InterruptedException;

    /** The {@code source} field this source writes, e.g. {@link SourceNames#SIMULATOR}. */
    String name();

    /**
     * Whether the ticks' event times follow the wall clock, so a run loop that paces should hold
     * each tick until its event time (true for the live simulation and a re-based replay).
     */
    default boolean eventTimeIsWallClock() {
        return false;
    }

    /** Counters the source keeps beyond its ticks (skipped lines, repeated quotes), for the run summary. */
    default Map<String, Long> counters() {
        return Map.of();
    }

    /** Why the source ended early (a used-up budget, a refused key), if it did. */
    default Optional<String> endReason() {
        return Optional.empty();
    }

    @Override
    default void close() {
    }
}
