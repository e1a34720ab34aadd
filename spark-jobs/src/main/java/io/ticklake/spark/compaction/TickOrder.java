package io.ticklake.spark.compaction;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The order the compaction writes in: (hour of event_time, symbol, event_time, kafka_topic,
 * kafka_partition, kafka_offset, ingest_time), all ascending, strings by their UTF-8 bytes like Spark. The columns after
 * event_time make a record's copies adjacent, earliest-ingested first, and the output deterministic.
 *
 * <p>{@link #prefix} packs (symbol, event_time) into one long for the sorter's prefix comparison. Spark's
 * own prefix for this order is the symbol alone, so every comparison between two ticks of a symbol fell
 * through to comparing whole rows; with this prefix nearly all are settled by one long comparison.
 */
final class TickOrder {

    // column positions in RawTickSchema.SPARK
    static final int SYMBOL = 0;
    static final int EVENT_TIME = 5;
    static final int SEQUENCE = 6;
    static final int TOPIC = 8;
    static final int PARTITION = 9;
    static final int OFFSET = 10;
    static final int INGEST_TIME = 11;

    /** Symbols of up to this many bytes are held exactly; contract symbols are mostly that short. */
    private static final int EXACT_SYMBOL_BYTES = 5;
    private static final int TIME_BITS = 22; // 2^22 ms is 69.9 minutes: an hour fits
    private static final long MAX_TIME = (1L << TIME_BITS) - 1;
    private static final long INEXACT = 1L << TIME_BITS;
    static final long MICROS_PER_HOUR = 3_600_000_000L;

    private TickOrder() {
    }

    /**
     * A non-negative long that never orders two ticks against {@link #compare} (a smaller prefix means an
     * earlier tick; equal prefixes leave it to {@link #compare}): the symbol's first 5 bytes, zero-padded,
     * then a flag set when those bytes do not identify the symbol (longer, or holding a zero byte), then
     * the milliseconds since the hour's start, clamped to [0, 2^22), or 0 under the flag.
     */
    static long prefix(UTF8String symbol, long eventMicros, long hourStartMillis) {
        long symbolBytes = symbol.getPrefix() >>> (8 * (8 - EXACT_SYMBOL_BYTES)); // first 5 bytes, big-endian
        if (!isExact(symbol)) {
            return symbolBytes << (TIME_BITS + 1) | INEXACT;
        }
        long millis = Math.floorDiv(eventMicros, 1000L) - hourStartMillis;
        return symbolBytes << (TIME_BITS + 1) | Math.max(0, Math.min(MAX_TIME, millis));
    }

    private static boolean isExact(UTF8String symbol) {
        int bytes = symbol.numBytes();
        if (bytes > EXACT_SYMBOL_BYTES) {
            return false;
        }
        for (int i = 0; i < bytes; i++) {
            if (symbol.getByte(i) == 0) {
                return false; // "A\0" pads like "A"
            }
        }
        return true;
    }

    static int compare(InternalRow a, InternalRow b) {
        int c = Long.compare(Math.floorDiv(a.getLong(EVENT_TIME), MICROS_PER_HOUR),
                Math.floorDiv(b.getLong(EVENT_TIME), MICROS_PER_HOUR));
        if (c == 0) {
            c = a.getUTF8String(SYMBOL).binaryCompare(b.getUTF8String(SYMBOL));
        }
        if (c == 0) {
            c = Long.compare(a.getLong(EVENT_TIME), b.getLong(EVENT_TIME));
        }
        if (c == 0) {
            c = a.getUTF8String(TOPIC).binaryCompare(b.getUTF8String(TOPIC));
        }
        if (c == 0) {
            c = Integer.compare(a.getInt(PARTITION), b.getInt(PARTITION));
        }
        if (c == 0) {
            c = Long.compare(a.getLong(OFFSET), b.getLong(OFFSET));
        }
        if (c == 0) {
            c = Long.compare(a.getLong(INGEST_TIME), b.getLong(INGEST_TIME));
        }
        return c;
    }
}
