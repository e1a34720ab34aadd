package io.ticklake.schemas.contract;

import io.ticklake.schemas.StockTick;
import java.util.List;

/**
 * What makes two ticks the same trade: their {@code (symbol, sequence)}. A producer that retries (at
 * least once) or a source that repeats a quote sends a tick again with the same pair, possibly on
 * another offset and even with other field values; every KPI, the compacted table and every model
 * count such a pair once. The Kafka coordinates identify a record (landing it twice is one record);
 * this identifies the trade the records carry.
 */
public final class TickIdentity {

    /** The fields (and lake columns) of the identity, in key order. */
    public static final List<String> FIELDS = List.of("symbol", "sequence");

    private TickIdentity() {
    }

    /**
     * The identity as one string, {@code SYMBOL#sequence}: unambiguous because a contract symbol
     * ({@link StockTickContract#SYMBOL}) never holds {@code #}.
     */
    public static String key(String symbol, long sequence) {
        return symbol + '#' + sequence;
    }

    /** The identity of {@code tick} as one string (see {@link #key(String, long)}). */
    public static String key(StockTick tick) {
        return key(tick.getSymbol(), tick.getSequence());
    }
}
