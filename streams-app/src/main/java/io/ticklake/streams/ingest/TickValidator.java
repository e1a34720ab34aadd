package io.ticklake.streams.ingest;

import io.ticklake.schemas.StockTick;
import java.util.regex.Pattern;

/**
 * The contract a tick must meet before it counts in any KPI (DESIGN.md, StockTick): a symbol of
 * {@code [A-Z0-9.\-]{1,12}} that is also the record key (the KPIs are grouped by key without a
 * repartition, so a tick keyed otherwise would land in another symbol's partition), a finite price
 * above zero, a volume of at least zero, and an event time between the epoch and
 * {@code maxFutureMs} after the wall clock. A tick far in the future would drag stream time
 * forward and make every on-time tick after it late.
 */
public final class TickValidator {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9.\\-]{1,12}");

    private final long maxFutureMs;

    public TickValidator(long maxFutureMs) {
        this.maxFutureMs = maxFutureMs;
    }

    /** The first rule {@code tick} (keyed {@code key}) breaks, or null when it is valid at wall-clock {@code nowMs}. */
    public String violation(String key, StockTick tick, long nowMs) {
        String symbol = tick.getSymbol();
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            return "symbol '" + symbol + "' does not match [A-Z0-9.\\-]{1,12}";
        }
        if (key == null) {
            return "record key is missing; it must be the tick's symbol '" + symbol + "'";
        }
        if (!key.equals(symbol)) {
            return "record key '" + key + "' is not the tick's symbol '" + symbol + "'";
        }
        double price = tick.getPrice();
        if (!Double.isFinite(price) || price <= 0) {
            return "price " + price + " is not a finite number above 0";
        }
        if (tick.getVolume() < 0) {
            return "volume " + tick.getVolume() + " is negative";
        }
        long eventTime = tick.getEventTime().toEpochMilli();
        if (eventTime < 0) {
            return "event_time " + tick.getEventTime() + " is before 1970";
        }
        if (eventTime > nowMs + maxFutureMs) {
            return "event_time " + tick.getEventTime() + " is more than " + maxFutureMs
                    + " ms ahead of the wall clock (" + java.time.Instant.ofEpochMilli(nowMs) + ")";
        }
        return null;
    }
}
