package io.ticklake.spark.compaction;

import io.ticklake.spark.parquet.RawTickSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecificInternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The rows of one hour (or of some of its symbols) held as primitive columns, strings by dictionary, and
 * handed out in {@link TickOrder}. Sorting is of one long per row: the symbol's rank, the milliseconds
 * into the hour and the row's index, packed; only rows that share a symbol and a millisecond are then
 * compared further. This is what makes a big hour cheap to sort in a task, against Spark's row sorter,
 * which copies every row and compares through its bytes; it holds about 100 bytes per row in memory.
 */
final class HourColumns {

    private static final int MILLIS_BITS = 22; // 2^22 ms is 69.9 minutes: an hour fits

    private final long hourStartMicros;
    private final Dictionary symbols = new Dictionary();
    private final Dictionary sources = new Dictionary();
    private final Dictionary topics = new Dictionary();
    private int size;
    private int[] symbol; // ids in symbols
    private double[] price;
    private long[] volume;
    private double[] bid;
    private double[] ask;
    private boolean[] bidNull;
    private boolean[] askNull;
    private long[] eventTime;
    private long[] sequence;
    private int[] source;
    private int[] topic;
    private int[] partition;
    private long[] offset;
    private long[] ingestTime;

    HourColumns(long hourStartMillis, int expectedRows) {
        this.hourStartMicros = hourStartMillis * 1000L;
        int capacity = Math.max(16, expectedRows);
        symbol = new int[capacity];
        price = new double[capacity];
        volume = new long[capacity];
        bid = new double[capacity];
        ask = new double[capacity];
        bidNull = new boolean[capacity];
        askNull = new boolean[capacity];
        eventTime = new long[capacity];
        sequence = new long[capacity];
        source = new int[capacity];
        topic = new int[capacity];
        partition = new int[capacity];
        offset = new long[capacity];
        ingestTime = new long[capacity];
    }

    int size() {
        return size;
    }

    /** Appends a row read with {@link RawTickSchema#SPARK}; its buffers may be reused afterwards. */
    void add(InternalRow row) {
        if (size == symbol.length) {
            grow(size + (size >> 1));
        }
        int i = size++;
        symbol[i] = symbols.id(row.getUTF8String(TickOrder.SYMBOL));
        price[i] = row.getDouble(1);
        volume[i] = row.getLong(2);
        bidNull[i] = row.isNullAt(3);
        bid[i] = bidNull[i] ? 0 : row.getDouble(3);
        askNull[i] = row.isNullAt(4);
        ask[i] = askNull[i] ? 0 : row.getDouble(4);
        eventTime[i] = row.getLong(TickOrder.EVENT_TIME);
        sequence[i] = row.getLong(TickOrder.SEQUENCE);
        source[i] = sources.id(row.getUTF8String(7));
        topic[i] = topics.id(row.getUTF8String(TickOrder.TOPIC));
        partition[i] = row.getInt(TickOrder.PARTITION);
        offset[i] = row.getLong(TickOrder.OFFSET);
        ingestTime[i] = row.getLong(TickOrder.INGEST_TIME);
    }

    /** The rows in {@link TickOrder}; the row returned is one instance, overwritten by the next call. */
    Iterator<InternalRow> sorted() {
        int[] order = order();
        SpecificInternalRow row = newRow();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public InternalRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return fill(row, order[next++]);
            }
        };
    }

    private static SpecificInternalRow newRow() {
        return new SpecificInternalRow(RawTickSchema.SPARK);
    }

    /** Sets {@code row} to row {@code i}. */
    private InternalRow fill(SpecificInternalRow row, int i) {
        row.update(TickOrder.SYMBOL, symbols.value(symbol[i]));
        row.setDouble(1, price[i]);
        row.setLong(2, volume[i]);
        if (bidNull[i]) {
            row.setNullAt(3);
        } else {
            row.setDouble(3, bid[i]);
        }
        if (askNull[i]) {
            row.setNullAt(4);
        } else {
            row.setDouble(4, ask[i]);
        }
        row.setLong(TickOrder.EVENT_TIME, eventTime[i]);
        row.setLong(TickOrder.SEQUENCE, sequence[i]);
        row.update(7, sources.value(source[i]));
        row.update(TickOrder.TOPIC, topics.value(topic[i]));
        row.setInt(TickOrder.PARTITION, partition[i]);
        row.setLong(TickOrder.OFFSET, offset[i]);
        row.setLong(TickOrder.INGEST_TIME, ingestTime[i]);
        return row;
    }

    /** Row indexes in TickOrder. */
    private int[] order() {
        int[] symbolRank = symbols.ranks();
        SpecificInternalRow left = newRow();
        SpecificInternalRow right = newRow();
        // the order itself is TickOrder's: only ties of the packed key and odd hours get here
        Comparator<Integer> full = (a, b) -> TickOrder.compare(fill(left, a), fill(right, b));
        int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(size - 1));
        int rankBits = 63 - MILLIS_BITS - indexBits;
        if (!allInHour() || symbolRank.length > 1L << rankBits) {
            // not the shape a compacted hour has (ticks of other hours, or more symbols than the key holds):
            // correct and slower
            Integer[] boxed = new Integer[size];
            Arrays.setAll(boxed, i -> i);
            Arrays.sort(boxed, full);
            return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        }
        long[] keys = new long[size];
        long indexMask = (1L << indexBits) - 1;
        for (int i = 0; i < size; i++) {
            long millis = Math.floorDiv(eventTime[i] - hourStartMicros, 1000L);
            keys[i] = ((long) symbolRank[symbol[i]] << (MILLIS_BITS + indexBits)) | (millis << indexBits) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = (int) (keys[i] & indexMask);
        }
        // rows of one symbol and millisecond are ordered by their index so far: order them by the rest
        List<Integer> run = new ArrayList<>();
        for (int start = 0; start < size; ) {
            int end = start + 1;
            while (end < size && keys[end] >>> indexBits == keys[start] >>> indexBits) {
                end++;
            }
            if (end - start > 1) {
                run.clear();
                for (int j = start; j < end; j++) {
                    run.add(order[j]);
                }
                run.sort(full);
                for (int j = start; j < end; j++) {
                    order[j] = run.get(j - start);
                }
            }
            start = end;
        }
        return order;
    }

    private boolean allInHour() {
        long hourEnd = hourStartMicros + TickOrder.MICROS_PER_HOUR;
        for (int i = 0; i < size; i++) {
            if (eventTime[i] < hourStartMicros || eventTime[i] >= hourEnd) {
                return false;
            }
        }
        return true;
    }

    private void grow(int capacity) {
        symbol = Arrays.copyOf(symbol, capacity);
        price = Arrays.copyOf(price, capacity);
        volume = Arrays.copyOf(volume, capacity);
        bid = Arrays.copyOf(bid, capacity);
        ask = Arrays.copyOf(ask, capacity);
        bidNull = Arrays.copyOf(bidNull, capacity);
        askNull = Arrays.copyOf(askNull, capacity);
        eventTime = Arrays.copyOf(eventTime, capacity);
        sequence = Arrays.copyOf(sequence, capacity);
        source = Arrays.copyOf(source, capacity);
        topic = Arrays.copyOf(topic, capacity);
        partition = Arrays.copyOf(partition, capacity);
        offset = Arrays.copyOf(offset, capacity);
        ingestTime = Arrays.copyOf(ingestTime, capacity);
    }

    /** Distinct strings of a column, numbered as first seen. */
    private static final class Dictionary {

        private final Map<UTF8String, Integer> ids = new HashMap<>();
        private final List<UTF8String> values = new ArrayList<>();
        private UTF8String last;
        private int lastId;

        int id(UTF8String value) {
            if (value.equals(last)) {
                return lastId; // rows of one file mostly repeat the previous source and topic
            }
            Integer id = ids.get(value);
            if (id == null) {
                UTF8String copy = value.clone(); // the reader reuses the value's buffer
                id = values.size();
                values.add(copy);
                ids.put(copy, id);
            }
            last = values.get(id);
            lastId = id;
            return id;
        }

        UTF8String value(int id) {
            return values.get(id);
        }

        /** Per id, its rank in Spark's (UTF-8 byte) order. */
        int[] ranks() {
            Integer[] byValue = new Integer[values.size()];
            Arrays.setAll(byValue, i -> i);
            Arrays.sort(byValue, (a, b) -> values.get(a).binaryCompare(values.get(b)));
            int[] rank = new int[byValue.length];
            for (int r = 0; r < byValue.length; r++) {
                rank[byValue[r]] = r;
            }
            return rank;
        }
    }
}
