package io.ticklake.spark.compaction;

import io.ticklake.spark.parquet.RawTickSchema;
import java.io.IOException;
import java.util.Iterator;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.execution.UnsafeExternalRowSorter;
import org.apache.spark.util.collection.unsafe.sort.PrefixComparators;
import org.apache.spark.util.collection.unsafe.sort.RecordComparator;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Sorts one partition of an hour's rows in {@link TickOrder} with Spark's own external sorter (task
 * memory, spilling to disk when needed), as {@code sortWithinPartitions} would, but with
 * {@link TickOrder#prefix} as the sort prefix, which holds within one hour: the planner has checked the
 * files' statistics, and the writer refuses a row of another hour.
 */
final class PartitionSorter {

    private PartitionSorter() {
    }

    /** The rows in order; rows returned are reused by the iterator, like any of Spark's row iterators. */
    static Iterator<InternalRow> sort(Iterator<InternalRow> rows, long hourStartMillis) throws IOException {
        UnsafeExternalRowSorter.PrefixComputer prefix = new UnsafeExternalRowSorter.PrefixComputer() {
            private final Prefix result = new Prefix();

            @Override
            public Prefix computePrefix(InternalRow row) {
                result.value = TickOrder.prefix(row.getUTF8String(TickOrder.SYMBOL), row.getLong(TickOrder.EVENT_TIME),
                        hourStartMillis);
                return result;
            }
        };
        UnsafeExternalRowSorter sorter = UnsafeExternalRowSorter.createWithRecordComparator(RawTickSchema.SPARK,
                RowComparator::new, PrefixComparators.LONG, prefix, SparkEnv.get().memoryManager().pageSizeBytes(),
                false); // radix sort orders by the prefix alone: ties (a symbol's ticks of one ms) need the rows
        UnsafeProjection toUnsafe = UnsafeProjection.create(RawTickSchema.SPARK);
        Iterator<UnsafeRow> unsafe = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public UnsafeRow next() {
                InternalRow row = rows.next();
                return row instanceof UnsafeRow u ? u : toUnsafe.apply(row); // shuffled rows already are
            }
        };
        return CollectionConverters.asJava(sorter.sort(CollectionConverters.asScala(unsafe)));
    }

    /** Compares two rows as the sorter stores them, for ties of the prefix. */
    private static final class RowComparator extends RecordComparator {

        private final UnsafeRow left = new UnsafeRow(RawTickSchema.SPARK.size());
        private final UnsafeRow right = new UnsafeRow(RawTickSchema.SPARK.size());

        @Override
        public int compare(Object leftBase, long leftOffset, int leftLength, Object rightBase, long rightOffset,
                           int rightLength) {
            left.pointTo(leftBase, leftOffset, leftLength);
            right.pointTo(rightBase, rightOffset, rightLength);
            return TickOrder.compare(left, right);
        }
    }
}
