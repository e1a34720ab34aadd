package io.ticklake.spark.compaction;

import io.ticklake.spark.parquet.RawTickSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.DoubleFieldMetrics;
import org.apache.iceberg.FieldMetrics;
import org.apache.iceberg.parquet.ParquetValueWriter;
import org.apache.iceberg.parquet.ParquetValueWriters;
import org.apache.iceberg.parquet.TripleWriter;
import org.apache.iceberg.shaded.org.apache.parquet.column.ColumnDescriptor;
import org.apache.iceberg.shaded.org.apache.parquet.column.ColumnWriteStore;
import org.apache.iceberg.shaded.org.apache.parquet.io.api.Binary;
import org.apache.iceberg.shaded.org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecificInternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The rows of one hour (or of some of its symbols) held as primitive columns, strings by dictionary, and
 * handed to the writer in {@link TickOrder}, which appends them straight from the columns. Sorting is of
 * one long per row: the symbol's rank, the milliseconds into the hour and the row's index, packed; only
 * rows that share a symbol and a millisecond are then compared further. This is what makes a big hour
 * cheap to sort in a task, against Spark's row sorter, which copies every row and compares through its
 * bytes; it holds about 100 bytes per row in memory.
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

    /** Appends the rows of a raw row group that it marks as of symbol group {@code symbolGroup}. */
    void add(RawRowGroup group, int symbolGroup) {
        int[] idByFileId = new int[group.symbolDictionary.length]; // our id plus one, 0 until first seen
        for (int r = 0; r < group.rows; r++) {
            if (group.symbolGroup[r] != symbolGroup) {
                continue;
            }
            if (size == symbol.length) {
                grow(size + (size >> 1));
            }
            int i = size++;
            int fileId = group.symbolId[r];
            if (fileId < 0) {
                symbol[i] = symbols.id(group.symbol[r]);
            } else {
                if (idByFileId[fileId] == 0) {
                    idByFileId[fileId] = symbols.id(group.symbol[r]) + 1;
                }
                symbol[i] = idByFileId[fileId] - 1;
            }
            price[i] = group.price[r];
            volume[i] = group.volume[r];
            bidNull[i] = group.bidNull[r];
            bid[i] = group.bid[r];
            askNull[i] = group.askNull[r];
            ask[i] = group.ask[r];
            eventTime[i] = group.eventTime[r];
            sequence[i] = group.sequence[r];
            source[i] = sources.id(group.source[r]);
            topic[i] = topics.id(group.topic[r]);
            partition[i] = group.partition[r];
            offset[i] = group.offset[r];
            ingestTime[i] = group.ingestTime[r];
        }
    }

    /** The rows in {@link TickOrder}, for the writer: sorts the columns first. */
    Cursor sorted() {
        permute(order());
        return new Cursor();
    }

    /** A position in the sorted columns; the writer appends the row at it straight from the columns. */
    final class Cursor implements SortedTicks<Cursor> {

        private int index = -1;
        private SpecificInternalRow row;

        @Override
        public boolean next() {
            return ++index < size;
        }

        @Override
        public UTF8String symbol() {
            return symbols.value(symbol[index]);
        }

        @Override
        public long eventTime() {
            return eventTime[index];
        }

        @Override
        public long sequence() {
            return sequence[index];
        }

        @Override
        public UTF8String topic() {
            return topics.value(topic[index]);
        }

        @Override
        public int partition() {
            return partition[index];
        }

        @Override
        public long offset() {
            return offset[index];
        }

        @Override
        public Cursor row() {
            return this;
        }

        @Override
        public ParquetValueWriter<Cursor> parquetWriter(MessageType fileSchema) {
            return new ColumnsWriter(fileSchema);
        }

        /** The current row as one of Spark's, overwritten by the next call: for checks, not for writing. */
        InternalRow toInternalRow() {
            if (row == null) {
                row = newRow();
            }
            return fill(row, index);
        }
    }

    /**
     * Appends the row at a cursor straight from the columns through Iceberg's column writers, and keeps the
     * double columns' metrics (bounds, NaN count) as Iceberg's own writers do. A row of Spark's in between
     * cost a copy per field, and Iceberg's Spark writer boxed every value it took from it.
     */
    private final class ColumnsWriter implements ParquetValueWriter<Cursor> {

        private final Column[] columns;
        private final Binary[] symbolBytes = symbols.binaries();
        private final Binary[] sourceBytes = sources.binaries();
        private final Binary[] topicBytes = topics.binaries();
        private final DoubleFieldMetrics.Builder priceMetrics;
        private final DoubleFieldMetrics.Builder bidMetrics;
        private final DoubleFieldMetrics.Builder askMetrics;
        private long bidNulls;
        private long askNulls;

        ColumnsWriter(MessageType fileSchema) {
            columns = fileSchema.getColumns().stream().map(Column::new).toArray(Column[]::new);
            priceMetrics = new DoubleFieldMetrics.Builder(fileSchema.getType(1).getId().intValue());
            bidMetrics = new DoubleFieldMetrics.Builder(fileSchema.getType(3).getId().intValue());
            askMetrics = new DoubleFieldMetrics.Builder(fileSchema.getType(4).getId().intValue());
        }

        @Override
        public void write(int level, Cursor at) {
            int i = at.index;
            columns[TickOrder.SYMBOL].writeBinary(level, symbolBytes[symbol[i]]);
            columns[1].writeDouble(level, price[i]);
            priceMetrics.addValue(price[i]);
            columns[2].writeLong(level, volume[i]);
            if (bidNull[i]) {
                columns[3].writeNull(level);
                bidNulls++;
            } else {
                columns[3].writeDouble(level, bid[i]);
                bidMetrics.addValue(bid[i]);
            }
            if (askNull[i]) {
                columns[4].writeNull(level);
                askNulls++;
            } else {
                columns[4].writeDouble(level, ask[i]);
                askMetrics.addValue(ask[i]);
            }
            columns[TickOrder.EVENT_TIME].writeLong(level, eventTime[i]);
            columns[TickOrder.SEQUENCE].writeLong(level, sequence[i]);
            columns[7].writeBinary(level, sourceBytes[source[i]]);
            columns[TickOrder.TOPIC].writeBinary(level, topicBytes[topic[i]]);
            columns[TickOrder.PARTITION].writeInteger(level, partition[i]);
            columns[TickOrder.OFFSET].writeLong(level, offset[i]);
            columns[TickOrder.INGEST_TIME].writeLong(level, ingestTime[i]);
        }

        @Override
        public List<TripleWriter<?>> columns() {
            return Arrays.stream(columns).flatMap(c -> c.columns().stream()).toList();
        }

        @Override
        public void setColumnStore(ColumnWriteStore store) {
            for (Column column : columns) {
                column.setColumnStore(store);
            }
        }

        @Override
        public Stream<FieldMetrics<?>> metrics() {
            return Stream.of(priceMetrics.build(), withNulls(bidMetrics.build(), bidNulls),
                    withNulls(askMetrics.build(), askNulls));
        }

        /** An optional column's metrics count its nulls among its values, as Iceberg's option writer does. */
        private static FieldMetrics<Double> withNulls(FieldMetrics<Double> values, long nulls) {
            return new FieldMetrics<>(values.id(), values.valueCount() + nulls, nulls, values.nanValueCount(),
                    values.lowerBound(), values.upperBound());
        }
    }

    /** Iceberg's writer of one primitive column, extended to write values unboxed. */
    private static final class Column extends ParquetValueWriters.PrimitiveWriter<Object> {

        private final int nullLevel;

        Column(ColumnDescriptor descriptor) {
            super(descriptor);
            this.nullLevel = descriptor.getMaxDefinitionLevel() - 1;
        }

        void writeLong(int level, long value) {
            column.writeLong(level, value);
        }

        void writeInteger(int level, int value) {
            column.writeInteger(level, value);
        }

        void writeDouble(int level, double value) {
            column.writeDouble(level, value);
        }

        void writeBinary(int level, Binary value) {
            column.writeBinary(level, value);
        }

        /** A null of this (optional) top-level column. */
        void writeNull(int level) {
            column.writeNull(level, nullLevel);
        }
    }

    /**
     * Puts the rows in {@code order}, one column at a time: gathering a column is a sequential pass with
     * independent loads, where reading a row of every column at a random index misses the cache per column.
     * Each column is gathered into the array the previous column of its type left, so the sort holds one
     * spare array per type instead of a second copy of every column.
     */
    private void permute(int[] order) {
        Gather gather = new Gather(order);
        symbol = gather.ints(symbol);
        source = gather.ints(source);
        topic = gather.ints(topic);
        partition = gather.ints(partition);
        price = gather.doubles(price);
        bid = gather.doubles(bid);
        ask = gather.doubles(ask);
        volume = gather.longs(volume);
        eventTime = gather.longs(eventTime);
        sequence = gather.longs(sequence);
        offset = gather.longs(offset);
        ingestTime = gather.longs(ingestTime);
        bidNull = gather.booleans(bidNull);
        askNull = gather.booleans(askNull);
    }

    /** Gathers columns by an order into spare arrays, keeping each column it replaces as the next spare. */
    private static final class Gather {

        private final int[] order;
        private int[] ints;
        private long[] longs;
        private double[] doubles;
        private boolean[] booleans;

        Gather(int[] order) {
            this.order = order;
        }

        int[] ints(int[] column) {
            int[] into = ints != null ? ints : new int[order.length];
            for (int i = 0; i < order.length; i++) {
                into[i] = column[order[i]];
            }
            ints = column;
            return into;
        }

        long[] longs(long[] column) {
            long[] into = longs != null ? longs : new long[order.length];
            for (int i = 0; i < order.length; i++) {
                into[i] = column[order[i]];
            }
            longs = column;
            return into;
        }

        double[] doubles(double[] column) {
            double[] into = doubles != null ? doubles : new double[order.length];
            for (int i = 0; i < order.length; i++) {
                into[i] = column[order[i]];
            }
            doubles = column;
            return into;
        }

        boolean[] booleans(boolean[] column) {
            boolean[] into = booleans != null ? booleans : new boolean[order.length];
            for (int i = 0; i < order.length; i++) {
                into[i] = column[order[i]];
            }
            booleans = column;
            return into;
        }
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

        /** Per id, the value as Parquet's writers take it. */
        Binary[] binaries() {
            return values.stream().map(v -> Binary.fromConstantByteArray(v.getBytes())).toArray(Binary[]::new);
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
