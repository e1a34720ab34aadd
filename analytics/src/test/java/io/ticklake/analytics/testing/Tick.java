package io.ticklake.analytics.testing;

import java.time.Instant;

/**
 * One tick of a fixture lake, with the fields the models read; the other contract columns get
 * fixed values.
 */
public record Tick(String symbol, double price, long volume, Instant eventTime, int partition, long offset,
                   long sequence) {

    /** A tick at {@code time} (ISO instant), on partition 0 with the given offset, which is also its sequence. */
    public static Tick of(String symbol, String time, double price, long volume, long offset) {
        return new Tick(symbol, price, volume, Instant.parse(time), 0, offset, offset);
    }

    public Tick onPartition(int kafkaPartition) {
        return new Tick(symbol, price, volume, eventTime, kafkaPartition, offset, sequence);
    }

    /** This tick with the source's sequence number {@code sourceSequence} (same symbol, same sequence: same trade). */
    public Tick withSequence(long sourceSequence) {
        return new Tick(symbol, price, volume, eventTime, partition, offset, sourceSequence);
    }
}
