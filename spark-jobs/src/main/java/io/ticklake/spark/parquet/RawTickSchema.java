package io.ticklake.spark.parquet;

import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The lake contract's row, once as Parquet (what files must contain, in this order, partition columns not
 * stored) and once as the Spark schema used to read them. {@code event_time} and {@code ingest_time} are
 * {@code TIMESTAMP(MILLIS, isAdjustedToUTC=true)}, which DuckDB, Spark and pyarrow read as timestamps.
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

    /** Column names in file order. */
    public static final List<String> COLUMNS = List.of(SYMBOL, PRICE, VOLUME, BID, ASK, EVENT_TIME, SEQUENCE, SOURCE,
            KAFKA_TOPIC, KAFKA_PARTITION, KAFKA_OFFSET, INGEST_TIME);

    /** The identity of a row: landing a record twice gives two rows with the same coordinates. */
    public static final List<String> COORDINATES = List.of(KAFKA_TOPIC, KAFKA_PARTITION, KAFKA_OFFSET);

    private static final LogicalTypeAnnotation UTC_MILLIS = LogicalTypeAnnotation.timestampType(true, TimeUnit.MILLIS);

    public static final MessageType PARQUET = Types.buildMessage()
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

    public static final StructType SPARK = new StructType(new StructField[] {
        DataTypes.createStructField(SYMBOL, DataTypes.StringType, false),
        DataTypes.createStructField(PRICE, DataTypes.DoubleType, false),
        DataTypes.createStructField(VOLUME, DataTypes.LongType, false),
        DataTypes.createStructField(BID, DataTypes.DoubleType, true),
        DataTypes.createStructField(ASK, DataTypes.DoubleType, true),
        DataTypes.createStructField(EVENT_TIME, DataTypes.TimestampType, false),
        DataTypes.createStructField(SEQUENCE, DataTypes.LongType, false),
        DataTypes.createStructField(SOURCE, DataTypes.StringType, false),
        DataTypes.createStructField(KAFKA_TOPIC, DataTypes.StringType, false),
        DataTypes.createStructField(KAFKA_PARTITION, DataTypes.IntegerType, false),
        DataTypes.createStructField(KAFKA_OFFSET, DataTypes.LongType, false),
        DataTypes.createStructField(INGEST_TIME, DataTypes.TimestampType, false),
    });

    private RawTickSchema() {
    }

    /**
     * Why a file's schema is not the contract's, or null when it is. The message name is not compared
     * (writers name it differently); names, order, physical and logical types and repetition are.
     */
    public static String mismatch(MessageType fileSchema) {
        List<Type> expected = PARQUET.getFields();
        List<Type> actual = fileSchema.getFields();
        if (actual.size() != expected.size()) {
            return "has " + actual.size() + " columns " + names(actual) + ", the raw contract has " + expected.size()
                    + " " + names(expected);
        }
        for (int i = 0; i < expected.size(); i++) {
            Type want = expected.get(i);
            Type have = actual.get(i);
            if (!have.equals(want)) {
                return "column " + (i + 1) + " is '" + have + "', the raw contract has '" + want + "'";
            }
        }
        return null;
    }

    private static List<String> names(List<Type> fields) {
        return fields.stream().map(Type::getName).toList();
    }
}
