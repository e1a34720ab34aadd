package io.ticklake.spark.compaction;

import io.ticklake.spark.storage.LakeFiles;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.VersionParser;
import org.apache.parquet.VersionParser.ParsedVersion;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.impl.ColumnReaderImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Reads raw files column by column with parquet-java's column readers, and tells each row's symbol group.
 * Against a row reader, which assembles every tick field by field, this decodes each column in one loop
 * and takes strings by their dictionary id. The planner has checked that every file's schema is the raw
 * contract's, so columns are taken by position ({@link io.ticklake.lake.RawTickColumns} order).
 */
final class RawColumnReader {

    private static final long MICROS_PER_MILLI = 1000L;
    private static final int SOURCE = 7;
    private static final PrimitiveConverter NO_CONVERTER = new PrimitiveConverter() {
    };

    private final Configuration conf;
    private final RawRowGroup group = new RawRowGroup();
    /** One per string column: each column's reader hands its row group's dictionary to its converter. */
    private final StringColumn symbols = new StringColumn();
    private final StringColumn sources = new StringColumn();
    private final StringColumn topics = new StringColumn();

    RawColumnReader(Configuration conf) {
        this.conf = conf;
    }

    /**
     * Hands the file at {@code uri} to {@code into} a row group at a time, each row marked with the group
     * {@code groupOf} gives its symbol. The row group is reused for the next one when {@code into} returns.
     */
    void read(String uri, ToIntFunction<UTF8String> groupOf, Consumer<RawRowGroup> into) throws IOException {
        try (ParquetFileReader file = LakeFiles.openParquet(uri, conf)) {
            List<ColumnDescriptor> columns = file.getFooter().getFileMetaData().getSchema().getColumns();
            ParsedVersion writer = writerVersion(file.getFooter().getFileMetaData().getCreatedBy());
            PageReadStore pages;
            while ((pages = file.readNextRowGroup()) != null) {
                group.reset(Math.toIntExact(pages.getRowCount()));
                ColumnReader[] readers = new ColumnReader[columns.size()];
                for (int c = 0; c < readers.length; c++) {
                    ColumnDescriptor column = columns.get(c);
                    PrimitiveConverter converter = switch (c) {
                        case TickOrder.SYMBOL -> symbols;
                        case SOURCE -> sources;
                        case TickOrder.TOPIC -> topics;
                        default -> NO_CONVERTER;
                    };
                    readers[c] = new ColumnReaderImpl(column, pages.getPageReader(column), converter, writer);
                }
                readSymbols(readers[TickOrder.SYMBOL], groupOf);
                readDoubles(readers[1], group.price, null);
                readLongs(readers[2], group.volume, 1);
                readDoubles(readers[3], group.bid, group.bidNull);
                readDoubles(readers[4], group.ask, group.askNull);
                readLongs(readers[TickOrder.EVENT_TIME], group.eventTime, MICROS_PER_MILLI);
                readLongs(readers[TickOrder.SEQUENCE], group.sequence, 1);
                readStrings(readers[SOURCE], sources, group.source);
                readStrings(readers[TickOrder.TOPIC], topics, group.topic);
                readInts(readers[TickOrder.PARTITION], group.partition);
                readLongs(readers[TickOrder.OFFSET], group.offset, 1);
                readLongs(readers[TickOrder.INGEST_TIME], group.ingestTime, MICROS_PER_MILLI);
                into.accept(group);
            }
        }
    }

    private void readSymbols(ColumnReader column, ToIntFunction<UTF8String> groupOf) {
        group.symbolDictionary = symbols.dictionary;
        int[] groupById = new int[symbols.dictionary.length]; // the group plus one, 0 until first asked
        for (int i = 0; i < group.rows; i++) {
            column.writeCurrentValueToConverter();
            UTF8String symbol = symbols.current;
            int id = symbols.currentId;
            if (id < 0) {
                group.symbolGroup[i] = groupOf.applyAsInt(symbol);
            } else {
                if (groupById[id] == 0) {
                    groupById[id] = groupOf.applyAsInt(symbol) + 1;
                }
                group.symbolGroup[i] = groupById[id] - 1;
            }
            group.symbol[i] = symbol;
            group.symbolId[i] = id;
            column.consume();
        }
    }

    /** Rows per symbol of the file at {@code uri}, reading its symbol column alone. */
    Map<UTF8String, Long> countSymbols(String uri) throws IOException {
        Map<UTF8String, Long> counts = new HashMap<>();
        try (ParquetFileReader file = LakeFiles.openParquet(uri, conf)) {
            MessageType schema = file.getFooter().getFileMetaData().getSchema();
            ColumnDescriptor column = schema.getColumns().get(TickOrder.SYMBOL);
            file.setRequestedSchema(new MessageType(schema.getName(), schema.getFields().get(TickOrder.SYMBOL)));
            ParsedVersion writer = writerVersion(file.getFooter().getFileMetaData().getCreatedBy());
            PageReadStore pages;
            while ((pages = file.readNextRowGroup()) != null) {
                ColumnReader reader = new ColumnReaderImpl(column, pages.getPageReader(column), symbols, writer);
                for (long i = 0; i < pages.getRowCount(); i++) {
                    reader.writeCurrentValueToConverter();
                    counts.merge(symbols.current, 1L, Long::sum); // its own bytes: safe to keep
                    reader.consume();
                }
            }
        }
        return counts;
    }

    private void readStrings(ColumnReader column, StringColumn strings, UTF8String[] values) {
        for (int i = 0; i < group.rows; i++) {
            column.writeCurrentValueToConverter();
            values[i] = strings.current;
            column.consume();
        }
    }

    private void readLongs(ColumnReader column, long[] values, long scale) {
        for (int i = 0; i < group.rows; i++) {
            values[i] = column.getLong() * scale;
            column.consume();
        }
    }

    private void readInts(ColumnReader column, int[] values) {
        for (int i = 0; i < group.rows; i++) {
            values[i] = column.getInteger();
            column.consume();
        }
    }

    /** A double column's values; {@code isNull} (null for a required column) marks the nulls. */
    private void readDoubles(ColumnReader column, double[] values, boolean[] isNull) {
        int defined = column.getDescriptor().getMaxDefinitionLevel();
        for (int i = 0; i < group.rows; i++) {
            boolean present = column.getCurrentDefinitionLevel() == defined;
            values[i] = present ? column.getDouble() : 0;
            if (defined > 0) {
                isNull[i] = !present;
            }
            column.consume();
        }
    }

    /** parquet-java works around bugs of old writers it recognises by this; unknown writers need none. */
    private static ParsedVersion writerVersion(String createdBy) {
        try {
            return createdBy == null ? null : VersionParser.parse(createdBy);
        } catch (VersionParser.VersionParseException | RuntimeException e) {
            return null;
        }
    }

    /** The current value of a string column: from the page's dictionary by id, or decoded from a plain page. */
    private static final class StringColumn extends PrimitiveConverter {

        UTF8String[] dictionary = new UTF8String[0];
        UTF8String current;
        /** The current value's id in {@link #dictionary}, or -1 for a value of a plain page. */
        int currentId = -1;

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary values) {
            dictionary = new UTF8String[values.getMaxId() + 1];
            for (int id = 0; id < dictionary.length; id++) {
                dictionary[id] = UTF8String.fromBytes(values.decodeToBinary(id).getBytes());
            }
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            current = dictionary[dictionaryId];
            currentId = dictionaryId;
        }

        @Override
        public void addBinary(Binary value) {
            current = UTF8String.fromBytes(value.getBytes());
            currentId = -1;
        }
    }
}
