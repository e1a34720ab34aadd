package io.ticklake.spark.testing;

import java.time.Instant;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** A raw row for tests, with the Kafka coordinates that make its identity. */
public record Tick(String symbol, double price, long volume, Double bid, Double ask, Instant eventTime, long sequence,
                   String source, String topic, int partition, long offset, Instant ingestTime) {

    /**
     * A deterministic tick for a coordinate, in the given hour; its sequence is unique per partition and
     * offset, so two coordinates are two trades unless a test makes them copies.
     */
    public static Tick at(String topic, int partition, long offset, Instant hourStart) {
        String symbol = "SYM" + ((offset * 7 + partition) % 5);
        long millisIntoHour = (offset * 997 + partition * 131) % 3_600_000L;
        return new Tick(symbol, 100 + (offset % 50) * 0.25 + partition, 10 + offset % 90,
                offset % 3 == 0 ? null : 99.5, offset % 4 == 0 ? null : 100.5, hourStart.plusMillis(millisIntoHour),
                partition * 1_000_000_000L + offset, "SIMULATOR", topic, partition, offset,
                hourStart.plusSeconds(3600 + offset % 60));
    }

    public Row toRow() {
        return RowFactory.create(symbol, price, volume, bid, ask, eventTime, sequence, source, topic, partition, offset,
                ingestTime);
    }

    public String coordinate() {
        return topic + "/" + partition + "@" + offset;
    }
}
