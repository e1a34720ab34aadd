package io.ticklake.spark.compaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.lake.RawTickColumns;
import io.ticklake.spark.parquet.RawFileWriter;
import io.ticklake.spark.parquet.RawTickSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw files read column by column give back exactly the ticks written, however the writer encoded them
 * (dictionary or plain pages, one or many row groups), each row with its symbol's group.
 */
class RawColumnReaderTest {

    private static final Configuration CONF = new Configuration();

    @TempDir
    Path dir;

    @Test
    void readsDictionaryAndPlainPagesOfManyRowGroupsAlike() throws IOException {
        List<InternalRow> ticks = inWholeMillis(HourColumnsTest.randomTicks(20_000, 0, 3_600_000, 21));
        Path withDictionaries = writeWithDictionaries(ticks, dir.resolve("dictionary.parquet"));
        Path plain = writePlain(ticks, dir.resolve("plain.parquet"));

        assertThat(rowGroups(withDictionaries)).isGreaterThan(1);
        assertThat(read(withDictionaries, symbol -> true)).isEqualTo(describeSorted(ticks));
        assertThat(read(plain, symbol -> true)).isEqualTo(describeSorted(ticks));
    }

    @Test
    void marksEachRowWithItsSymbolsGroup() throws IOException {
        List<InternalRow> ticks = inWholeMillis(HourColumnsTest.randomTicks(5_000, 0, 3_600_000, 22));
        Predicate<UTF8String> shortSymbols = symbol -> symbol.numBytes() <= 2;
        Path file = writeWithDictionaries(ticks, dir.resolve("ticks.parquet"));

        List<String> kept = read(file, shortSymbols);

        List<InternalRow> expected = ticks.stream().filter(t -> shortSymbols.test(t.getUTF8String(0))).toList();
        assertThat(expected).isNotEmpty().hasSizeLessThan(ticks.size());
        assertThat(kept).isEqualTo(describeSorted(expected));
    }

    /**
     * The rows the reader marks kept (group 1) as {@link HourColumns} takes them, which must give them back
     * in {@link TickOrder}.
     */
    private static List<String> read(Path file, Predicate<UTF8String> keep) throws IOException {
        HourColumns columns = new HourColumns(HourColumnsTest.HOUR_START, 16);
        new RawColumnReader(CONF).read(file.toUri().toString(), symbol -> keep.test(symbol) ? 1 : 0,
                rowGroup -> columns.add(rowGroup, 1));
        List<InternalRow> rows = HourColumnsTest.rowsOf(columns.sorted());
        HourColumnsTest.assertInTickOrder(rows);
        return rows.stream().map(HourColumnsTest::describe).sorted().toList();
    }

    private static List<String> describeSorted(List<InternalRow> ticks) {
        return ticks.stream().map(HourColumnsTest::describe).sorted().toList();
    }

    /** Raw files hold milliseconds: the ticks as they come back. */
    private static List<InternalRow> inWholeMillis(List<InternalRow> ticks) {
        return ticks.stream().map(t -> {
            InternalRow copy = t.copy();
            copy.setLong(TickOrder.EVENT_TIME, Math.floorDiv(t.getLong(TickOrder.EVENT_TIME), 1000L) * 1000L);
            copy.setLong(TickOrder.INGEST_TIME, Math.floorDiv(t.getLong(TickOrder.INGEST_TIME), 1000L) * 1000L);
            return (InternalRow) copy;
        }).toList();
    }

    /** As the lake's writers write them: dictionaries for the strings, here in row groups of 64 KB. */
    private static Path writeWithDictionaries(List<InternalRow> ticks, Path file) throws IOException {
        try (RawFileWriter<InternalRow> writer = RawFileWriter.forInternalRows(file.toUri().toString(), CONF, 64 << 10)) {
            for (InternalRow tick : ticks) {
                writer.write(tick);
            }
            writer.closeAndPublish();
        }
        return file;
    }

    /** Every column in plain pages, as a writer without dictionaries (or whose dictionary overflowed) writes. */
    private static Path writePlain(List<InternalRow> ticks, Path file) throws IOException {
        SimpleGroupFactory groups = new SimpleGroupFactory(RawTickSchema.PARQUET);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(RawTickSchema.PARQUET).withDictionaryEncoding(false).build()) {
            for (InternalRow t : ticks) {
                Group g = groups.newGroup()
                        .append(RawTickColumns.SYMBOL, t.getUTF8String(0).toString())
                        .append(RawTickColumns.PRICE, t.getDouble(1))
                        .append(RawTickColumns.VOLUME, t.getLong(2));
                if (!t.isNullAt(3)) {
                    g.append(RawTickColumns.BID, t.getDouble(3));
                }
                if (!t.isNullAt(4)) {
                    g.append(RawTickColumns.ASK, t.getDouble(4));
                }
                g.append(RawTickColumns.EVENT_TIME, t.getLong(5) / 1000L)
                        .append(RawTickColumns.SEQUENCE, t.getLong(6))
                        .append(RawTickColumns.SOURCE, t.getUTF8String(7).toString())
                        .append(RawTickColumns.KAFKA_TOPIC, t.getUTF8String(8).toString())
                        .append(RawTickColumns.KAFKA_PARTITION, t.getInt(9))
                        .append(RawTickColumns.KAFKA_OFFSET, t.getLong(10))
                        .append(RawTickColumns.INGEST_TIME, t.getLong(11) / 1000L);
                writer.write(g);
            }
        }
        return file;
    }

    private static int rowGroups(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            return reader.getRowGroups().size();
        }
    }
}
