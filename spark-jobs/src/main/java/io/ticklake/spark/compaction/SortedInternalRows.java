package io.ticklake.spark.compaction;

import io.ticklake.spark.parquet.RawTickSchema;
import java.util.Iterator;
import org.apache.iceberg.parquet.ParquetValueWriter;
import org.apache.iceberg.shaded.org.apache.parquet.schema.MessageType;
import org.apache.iceberg.spark.data.SparkParquetWriters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/** Spark's rows of {@link RawTickSchema#SPARK}, already in {@link TickOrder}, written by Iceberg's Spark writer. */
final class SortedInternalRows implements SortedTicks<InternalRow> {

    private final Iterator<InternalRow> rows;
    private InternalRow row;

    SortedInternalRows(Iterator<InternalRow> rows) {
        this.rows = rows;
    }

    @Override
    public boolean next() {
        if (!rows.hasNext()) {
            return false;
        }
        row = rows.next();
        return true;
    }

    @Override
    public UTF8String symbol() {
        return row.getUTF8String(TickOrder.SYMBOL);
    }

    @Override
    public long eventTime() {
        return row.getLong(TickOrder.EVENT_TIME);
    }

    @Override
    public long sequence() {
        return row.getLong(TickOrder.SEQUENCE);
    }

    @Override
    public UTF8String topic() {
        return row.getUTF8String(TickOrder.TOPIC);
    }

    @Override
    public int partition() {
        return row.getInt(TickOrder.PARTITION);
    }

    @Override
    public long offset() {
        return row.getLong(TickOrder.OFFSET);
    }

    @Override
    public InternalRow row() {
        return row;
    }

    @Override
    public ParquetValueWriter<InternalRow> parquetWriter(MessageType fileSchema) {
        return SparkParquetWriters.buildWriter(RawTickSchema.SPARK, fileSchema);
    }
}
