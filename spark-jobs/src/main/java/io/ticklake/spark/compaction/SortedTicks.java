package io.ticklake.spark.compaction;

import org.apache.iceberg.parquet.ParquetValueWriter;
import org.apache.iceberg.shaded.org.apache.parquet.schema.MessageType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Rows in {@link TickOrder} as {@link CompactedPartitionWriter} walks them: the fields it decides on, the
 * row to append and Iceberg's Parquet writer for such rows. Two sources: Spark's rows
 * ({@link SortedInternalRows}) and {@link HourColumns}, which appends from its columns without a row in
 * between. Values are valid until the next call of {@link #next()}.
 *
 * @param <R> what the Parquet writer takes per row
 */
interface SortedTicks<R> {

    /** Moves to the next row; false after the last. */
    boolean next();

    UTF8String symbol();

    /** Microseconds since the epoch. */
    long eventTime();

    long sequence();

    UTF8String topic();

    int partition();

    long offset();

    /** The current row, as the writer of {@link #parquetWriter} takes it. */
    R row();

    /** Iceberg's value writer for these rows in a data file of {@code fileSchema} (the table's, with ids). */
    ParquetValueWriter<R> parquetWriter(MessageType fileSchema);
}
