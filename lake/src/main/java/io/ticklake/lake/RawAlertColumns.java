package io.ticklake.lake;

import java.util.List;

/**
 * The raw alerts table ({@link RawLayout#RAW_ALERTS_TABLE}): every {@code Alert} from
 * {@code stock-alerts} as the sink landed it, in hours of the alert's {@code event_time}. Its Kafka
 * columns are those of the raw ticks, so a record landed twice is recognised the same way.
 */
public final class RawAlertColumns {

    public static final String RULE_ID = "rule_id";
    public static final String SYMBOL = "symbol";
    public static final String KIND = "kind";
    public static final String EVENT_TIME = "event_time";
    /** The Alert's {@code window}, renamed because WINDOW is a reserved word in SQL. */
    public static final String WINDOW = "rule_window";
    public static final String WINDOW_START = "window_start";
    public static final String PRICE = "price";
    public static final String THRESHOLD = "threshold";
    public static final String REFERENCE = "reference";
    public static final String MESSAGE = "message";
    public static final String FIRED_AT = "fired_at";

    /** Column names in file order. */
    public static final List<String> ALL = List.of(RULE_ID, SYMBOL, KIND, EVENT_TIME, WINDOW, WINDOW_START, PRICE,
            THRESHOLD, REFERENCE, MESSAGE, FIRED_AT, RawTickColumns.KAFKA_TOPIC, RawTickColumns.KAFKA_PARTITION,
            RawTickColumns.KAFKA_OFFSET, RawTickColumns.INGEST_TIME);

    /** The Parquet schema of raw alert files, in the same syntax and timestamp type as {@link RawTickColumns}. */
    public static final String PARQUET_SCHEMA = """
            message stock_alerts {
              required binary rule_id (STRING);
              required binary symbol (STRING);
              required binary kind (STRING);
              required int64 event_time (TIMESTAMP(MILLIS,true));
              optional binary rule_window (STRING);
              optional int64 window_start (TIMESTAMP(MILLIS,true));
              optional double price;
              optional double threshold;
              optional double reference;
              required binary message (STRING);
              required int64 fired_at (TIMESTAMP(MILLIS,true));
              required binary kafka_topic (STRING);
              required int32 kafka_partition;
              required int64 kafka_offset;
              required int64 ingest_time (TIMESTAMP(MILLIS,true));
            }
            """;

    private RawAlertColumns() {
    }
}
