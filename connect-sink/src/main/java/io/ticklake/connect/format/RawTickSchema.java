package io.ticklake.connect.format;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema of raw tick files, in the lake contract's column order. Partition columns
 * (year, month, day, hour) live in the directory names only.
 */
public final class RawTickSchema {

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

    private static final LogicalTypeAnnotation UTC_MILLIS = LogicalTypeAnnotation.timestampType(true, TimeUnit.MILLIS);

    public static final MessageType SCHEMA = Types.buildMessage()
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(SYMBOL)
            .required(PrimitiveTypeName.DOUBLE).named(PRICE)
            .required(PrimitiveTypeName.INT64).named(VOLUME)
            .optional(PrimitiveTypeName.DOUBLE).named(BID)
            .optional(PrimitiveTypeName.DOUBLE).named(ASK)
            .required(PrimitiveTypeName.INT64).as(UTC_MILLIS).named(EVENT_TIME)
            .required(PrimitiveTypeName.INT64).named(SEQUENCE)
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(SOURCE)
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(KAFKA_TOPIC)
            .required(PrimitiveTypeName.INT32).named(KAFKA_PARTITION)
            .required(PrimitiveTypeName.INT64).named(KAFKA_OFFSET)
            .required(PrimitiveTypeName.INT64).as(UTC_MILLIS).named(INGEST_TIME)
            .named("stock_ticks");

    private RawTickSchema() {
    }
}
