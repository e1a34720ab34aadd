package io.ticklake.lake;

import java.util.List;

/**
 * The raw dead-letter table ({@link RawLayout#RAW_DEAD_LETTERS_TABLE}): every record of
 * {@code stock-ticks-dlq} as the sink landed it, whichever component rejected it (the streams app with
 * its {@code dlq.*} headers, or a Connect sink through Connect's {@code __connect.errors.*} headers),
 * in the hours of the dead letter's Kafka timestamp: the rejected record's own timestamp, which both
 * writers keep (the streams app's is the tick's event time once it was decoded). The Kafka columns are
 * those of the raw ticks, with {@code ingest_time} being that timestamp.
 */
public final class RawDeadLetterColumns {

    /** Where the rejected record was read: topic, partition, offset (NULL when no header says). */
    public static final String SOURCE_TOPIC = "source_topic";
    public static final String SOURCE_PARTITION = "source_partition";
    public static final String SOURCE_OFFSET = "source_offset";
    /** {@code streams} or {@code connect}: whose headers the record carries; {@code unknown} for neither. */
    public static final String REPORTED_BY = "reported_by";
    /** streams: {@code deserialize}, {@code validate}, {@code late}; Connect: its stage, e.g. {@code task_put}. */
    public static final String STAGE = "stage";
    /**
     * Why, as a category: {@code late}, {@code undecodable}, a StockTick rule's label ({@code symbol},
     * {@code price}, {@code volume}, {@code key}, {@code event_time_before_1970}, {@code event_time_ahead}),
     * {@code other} or {@code unknown} (no headers).
     */
    public static final String REASON = "reason";
    public static final String ERROR_CLASS = "error_class";
    public static final String ERROR_MESSAGE = "error_message";
    /** The record key as UTF-8 text: the symbol, for a tick keyed as the contract wants. */
    public static final String RECORD_KEY = "record_key";
    /** The rejected value's bytes as they were dead-lettered (possibly truncated by the streams app). */
    public static final String RECORD_VALUE = "record_value";

    /** Column names in file order. */
    public static final List<String> ALL = List.of(SOURCE_TOPIC, SOURCE_PARTITION, SOURCE_OFFSET, REPORTED_BY, STAGE,
            REASON, ERROR_CLASS, ERROR_MESSAGE, RECORD_KEY, RECORD_VALUE, RawTickColumns.KAFKA_TOPIC,
            RawTickColumns.KAFKA_PARTITION, RawTickColumns.KAFKA_OFFSET, RawTickColumns.INGEST_TIME);

    /** The Parquet schema of raw dead-letter files, in the same syntax and timestamp type as {@link RawTickColumns}. */
    public static final String PARQUET_SCHEMA = """
            message stock_ticks_dlq {
              optional binary source_topic (STRING);
              optional int32 source_partition;
              optional int64 source_offset;
              required binary reported_by (STRING);
              optional binary stage (STRING);
              required binary reason (STRING);
              optional binary error_class (STRING);
              optional binary error_message (STRING);
              optional binary record_key (STRING);
              optional binary record_value;
              required binary kafka_topic (STRING);
              required int32 kafka_partition;
              required int64 kafka_offset;
              required int64 ingest_time (TIMESTAMP(MILLIS,true));
            }
            """;

    private RawDeadLetterColumns() {
    }
}
