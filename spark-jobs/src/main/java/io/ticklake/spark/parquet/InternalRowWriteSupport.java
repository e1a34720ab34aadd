package io.ticklake.spark.parquet;

import io.ticklake.lake.RawTickColumns;
import org.apache.parquet.io.api.Binary;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Writes Spark's internal rows (as read with {@link RawTickSchema#SPARK}) in the raw contract's layout
 * without converting them to external {@code Row}s first: strings go over as their UTF-8 bytes and
 * timestamps from microseconds to milliseconds. This is the compaction's hot loop.
 */
public final class InternalRowWriteSupport extends ContractWriteSupport<InternalRow> {

    // per column index, the last string written and its Binary: sorted by symbol, and source and topic
    // nearly constant, most rows repeat the previous value, which then needs no copy
    private final UTF8String[] lastString = new UTF8String[RawTickColumns.ALL.size()];
    private final Binary[] lastBinary = new Binary[RawTickColumns.ALL.size()];

    @Override
    public void write(InternalRow row) {
        startRow();
        string(0, row);
        doubleField(1, row.getDouble(1));
        longField(2, row.getLong(2));
        if (!row.isNullAt(3)) {
            doubleField(3, row.getDouble(3));
        }
        if (!row.isNullAt(4)) {
            doubleField(4, row.getDouble(4));
        }
        longField(5, Math.floorDiv(row.getLong(5), 1000L));
        longField(6, row.getLong(6));
        string(7, row);
        string(8, row);
        intField(9, row.getInt(9));
        longField(10, row.getLong(10));
        longField(11, Math.floorDiv(row.getLong(11), 1000L));
        endRow();
    }

    private void string(int index, InternalRow row) {
        if (row.isNullAt(index)) {
            throw requiredNull(index);
        }
        UTF8String value = row.getUTF8String(index);
        if (!value.equals(lastString[index])) {
            // copies: the row's buffer is reused, and dictionary pages keep references to the values they see
            lastString[index] = value.clone();
            lastBinary[index] = Binary.fromConstantByteArray(lastString[index].getBytes());
        }
        binaryField(index, lastBinary[index]);
    }
}
