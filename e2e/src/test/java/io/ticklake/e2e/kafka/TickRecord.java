package io.ticklake.e2e.kafka;

import io.ticklake.schemas.StockTick;

/**
 * A record of the ticks topic as the broker holds it: its coordinates, key, Kafka timestamp and decoded tick.
 * The coordinates are every tick's identity downstream (lake rows, DLQ headers, open/close ties).
 */
public record TickRecord(String topic, int partition, long offset, String key, long timestampMs, StockTick tick) {

    public String symbol() {
        return tick.getSymbol();
    }

    public long eventTimeMs() {
        return tick.getEventTime().toEpochMilli();
    }

    public Coordinates coordinates() {
        return new Coordinates(topic, partition, offset);
    }
}
