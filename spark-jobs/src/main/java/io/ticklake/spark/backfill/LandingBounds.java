package io.ticklake.spark.backfill;

import java.io.Serializable;

/**
 * Which records a bounded backfill lands. Spark's streaming Kafka source has no end offsets, so an
 * available-now run reads up to the latest offsets and records past the bound are counted, not landed.
 *
 * @param endOffsets         exclusive per-partition end, or null
 * @param endTimestampMillis exclusive end of the Kafka record timestamp, or null
 */
record LandingBounds(EndOffsets endOffsets, Long endTimestampMillis) implements Serializable {

    static final LandingBounds NONE = new LandingBounds(null, null);

    boolean includes(int partition, long offset, long timestampMillis) {
        return (endOffsets == null || endOffsets.includes(partition, offset))
                && (endTimestampMillis == null || timestampMillis < endTimestampMillis);
    }
}
