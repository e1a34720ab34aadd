package io.ticklake.streams.ingest;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.contract.StockTickContract;
import java.time.Instant;
import java.util.Optional;

/**
 * The contract a tick must meet before it counts in any KPI: {@link StockTickContract}'s value rules (the
 * lake writers check the same), a symbol that is also the record key (the KPIs are grouped by key without a
 * repartition, so a tick keyed otherwise would land in another symbol's partition), and an event time between
 * the epoch and {@code maxFutureMs} after the wall clock. A tick far in the future would drag stream time
 * forward and make every on-time tick after it late.
 */
public final class TickValidator {

    private final long maxFutureMs;

    public TickValidator(long maxFutureMs) {
        this.maxFutureMs = maxFutureMs;
    }

    /** The first rule {@code tick} (keyed {@code key}) breaks, or null when it is valid at wall-clock {@code nowMs}. */
    public String violation(String key, StockTick tick, long nowMs) {
        Optional<String> value = StockTickContract.violation(tick);
        if (value.isPresent()) {
            return value.get();
        }
        String symbol = tick.getSymbol();
        if (key == null) {
            return "record key is missing; it must be the tick's symbol '" + symbol + "'";
        }
        if (!key.equals(symbol)) {
            return "record key '" + key + "' is not the tick's symbol '" + symbol + "'";
        }
        long eventTime = tick.getEventTime().toEpochMilli();
        if (eventTime < 0) {
            return "event_time " + tick.getEventTime() + " is before 1970";
        }
        if (eventTime > nowMs + maxFutureMs) {
            return "event_time " + tick.getEventTime() + " is more than " + maxFutureMs
                    + " ms ahead of the wall clock (" + Instant.ofEpochMilli(nowMs) + ")";
        }
        return null;
    }
}
