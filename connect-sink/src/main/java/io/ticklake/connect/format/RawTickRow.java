package io.ticklake.connect.format;

import io.ticklake.schemas.StockTick;

/**
 * One row of a raw file: the tick as decoded (already projected onto the current StockTick schema)
 * and its Kafka coordinates. Topic and partition are the file's, so they are not repeated here.
 *
 * @param tick            the decoded tick
 * @param offset          its Kafka offset
 * @param ingestTimeMillis the Kafka record timestamp, written as ingest_time
 */
public record RawTickRow(StockTick tick, long offset, long ingestTimeMillis) {
}
