package io.ticklake.spark.parquet;

import io.ticklake.lake.RawTickColumns;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.parquet.io.api.Binary;
import org.apache.spark.sql.Row;

/**
 * Writes rows in the raw contract's column order straight to Parquet's record consumer. Spark's own
 * writer marks every column optional, so the contract's required columns need this writer.
 * Timestamps may be {@link Instant}, {@link Timestamp} or epoch milliseconds.
 */
public final class RawTickWriteSupport extends ContractWriteSupport<Row> {

    @Override
    public void write(Row row) {
        startRow();
        string(0, row.getString(0));
        doubleField(1, row.getDouble(1));
        longField(2, row.getLong(2));
        if (!row.isNullAt(3)) {
            doubleField(3, row.getDouble(3));
        }
        if (!row.isNullAt(4)) {
            doubleField(4, row.getDouble(4));
        }
        longField(5, millis(row.get(5), RawTickColumns.EVENT_TIME));
        longField(6, row.getLong(6));
        string(7, row.getString(7));
        string(8, row.getString(8));
        intField(9, row.getInt(9));
        longField(10, row.getLong(10));
        longField(11, millis(row.get(11), RawTickColumns.INGEST_TIME));
        endRow();
    }

    private void string(int index, String value) {
        if (value == null) {
            throw requiredNull(index);
        }
        binaryField(index, Binary.fromString(value));
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
