package io.ticklake.spark.parquet;

import io.ticklake.lake.RawTickColumns;
import java.util.List;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The lake contract's row, once as Parquet (what files must contain, in this order, partition columns not
 * stored) and once as the Spark schema used to read them. {@code event_time} and {@code ingest_time} are
 * {@code TIMESTAMP(MILLIS, isAdjustedToUTC=true)}, which DuckDB, Spark and pyarrow read as timestamps.
 */
public final class RawTickSchema {

    /** Column names in file order. */
    public static final List<String> COLUMNS = RawTickColumns.ALL;

    /** The identity of a row: landing a record twice gives two rows with the same coordinates. */
    public static final List<String> COORDINATES = RawTickColumns.COORDINATES;

    public static final MessageType PARQUET = MessageTypeParser.parseMessageType(RawTickColumns.PARQUET_SCHEMA);

    public static final StructType SPARK = new StructType(new StructField[] {
        DataTypes.createStructField(RawTickColumns.SYMBOL, DataTypes.StringType, false),
        DataTypes.createStructField(RawTickColumns.PRICE, DataTypes.DoubleType, false),
        DataTypes.createStructField(RawTickColumns.VOLUME, DataTypes.LongType, false),
        DataTypes.createStructField(RawTickColumns.BID, DataTypes.DoubleType, true),
        DataTypes.createStructField(RawTickColumns.ASK, DataTypes.DoubleType, true),
        DataTypes.createStructField(RawTickColumns.EVENT_TIME, DataTypes.TimestampType, false),
        DataTypes.createStructField(RawTickColumns.SEQUENCE, DataTypes.LongType, false),
        DataTypes.createStructField(RawTickColumns.SOURCE, DataTypes.StringType, false),
        DataTypes.createStructField(RawTickColumns.KAFKA_TOPIC, DataTypes.StringType, false),
        DataTypes.createStructField(RawTickColumns.KAFKA_PARTITION, DataTypes.IntegerType, false),
        DataTypes.createStructField(RawTickColumns.KAFKA_OFFSET, DataTypes.LongType, false),
        DataTypes.createStructField(RawTickColumns.INGEST_TIME, DataTypes.TimestampType, false),
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
