package io.ticklake.spark.parquet;

import io.ticklake.schemas.lake.RawTickColumns;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.spark.sql.Row;

/**
 * Writes rows in the raw contract's column order straight to Parquet's record consumer. Spark's own
 * writer marks every column optional, so the contract's required columns need this writer.
 * Timestamps may be {@link Instant}, {@link Timestamp} or epoch milliseconds.
 */
public final class RawTickWriteSupport extends WriteSupport<Row> {

    private RecordConsumer consumer;

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(RawTickSchema.PARQUET, new HashMap<>());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(RawTickSchema.PARQUET, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Row row) {
        consumer.startMessage();
        string(0, row.getString(0));
        doubleValue(1, row.getDouble(1));
        longValue(2, row.getLong(2));
        if (!row.isNullAt(3)) {
            doubleValue(3, row.getDouble(3));
        }
        if (!row.isNullAt(4)) {
            doubleValue(4, row.getDouble(4));
        }
        longValue(5, millis(row.get(5), RawTickColumns.EVENT_TIME));
        longValue(6, row.getLong(6));
        string(7, row.getString(7));
        string(8, row.getString(8));
        consumer.startField(RawTickColumns.KAFKA_PARTITION, 9);
        consumer.addInteger(row.getInt(9));
        consumer.endField(RawTickColumns.KAFKA_PARTITION, 9);
        longValue(10, row.getLong(10));
        longValue(11, millis(row.get(11), RawTickColumns.INGEST_TIME));
        consumer.endMessage();
    }

    private void string(int index, String value) {
        String name = RawTickColumns.ALL.get(index);
        if (value == null) {
            throw new IllegalArgumentException("Required column " + name + " is null");
        }
        consumer.startField(name, index);
        consumer.addBinary(Binary.fromString(value));
        consumer.endField(name, index);
    }

    private void doubleValue(int index, double value) {
        String name = RawTickColumns.ALL.get(index);
        consumer.startField(name, index);
        consumer.addDouble(value);
        consumer.endField(name, index);
    }

    private void longValue(int index, long value) {
        String name = RawTickColumns.ALL.get(index);
        consumer.startField(name, index);
        consumer.addLong(value);
        consumer.endField(name, index);
    }

    static long millis(Object value, String column) {
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.getTime();
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalArgumentException("Required column " + column + " is " + value);
    }
}
