package io.ticklake.lake;

import java.util.List;

/**
 * The lake's row contract, shared by every writer (the Connect sink, the Spark backfill and
 * compaction) and reader: the tick fields plus the Kafka coordinates that make each row's identity.
 * Partition columns (year, month, day, hour) live in directory names only.
 */
public final class RawTickColumns {

    public static final String SYMBOL = "symbol";
    public static final String PRICE = "price";
    public static final String VOLUME = "volume";
    public static final String BID = "bid";
    public static final String ASK = "ask";
    public static final String EVENT_TIME = "event_time";
    public static final String SEQUENCE = "sequence";
    public static final String SOURCE = "source";
    public static final String KAFKA_TOPIC = "kafka_topic";
    public static final String KAFKA_PARTITION = "kafka_partition";
    public static final String KAFKA_OFFSET = "kafka_offset";
    public static final String INGEST_TIME = "ingest_time";

    /** Column names in file order. */
    public static final List<String> ALL = List.of(SYMBOL, PRICE, VOLUME, BID, ASK, EVENT_TIME, SEQUENCE, SOURCE,
            KAFKA_TOPIC, KAFKA_PARTITION, KAFKA_OFFSET, INGEST_TIME);

    /** The identity of a row: landing a record twice gives two rows with the same coordinates. */
    public static final List<String> COORDINATES = List.of(KAFKA_TOPIC, KAFKA_PARTITION, KAFKA_OFFSET);

    /**
     * The Parquet schema of raw and compacted files in Parquet's message-type syntax (parse it with
     * {@code MessageTypeParser.parseMessageType}); kept as text so this module needs no Parquet
     * dependency. Timestamps are {@code TIMESTAMP(MILLIS, isAdjustedToUTC=true)}, which DuckDB, Spark
     * and pyarrow read as timestamps.
     */
    public static final String PARQUET_SCHEMA = """
            message stock_ticks {
              required binary symbol (STRING);
              required double price;
              required int64 volume;
              optional double bid;
              optional double ask;
              required int64 event_time (TIMESTAMP(MILLIS,true));
              required int64 sequence;
              required binary source (STRING);
              required binary kafka_topic (STRING);
              required int32 kafka_partition;
              required int64 kafka_offset;
              required int64 ingest_time (TIMESTAMP(MILLIS,true));
            }
            """;

    private RawTickColumns() {
    }
}
