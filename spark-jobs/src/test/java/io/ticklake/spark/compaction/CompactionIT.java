package io.ticklake.spark.compaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.options.InvalidOptionException;
import io.ticklake.lake.RawTickColumns;
import io.ticklake.spark.testing.LakeTable;
import io.ticklake.spark.testing.ParquetRows;
import io.ticklake.spark.testing.RawFiles;
import io.ticklake.spark.testing.TestSpark;
import io.ticklake.spark.testing.Tick;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Compaction into the Iceberg table on the local file system: counters, dedup, order, files, idempotence, late data, ranges. */
class CompactionIT {

    private static final HourPartition HOUR = HourPartition.parse("2026-11-20T14");
    private static final String TOPIC = "stock-ticks";

    @TempDir
    Path dir;

    private SparkSession spark;
    private Configuration conf;
    private String lake;
    private RawFiles raw;
    private Clock twoHoursLater;
    private LakeTable table;

    @BeforeEach
    void setUp() {
        spark = TestSpark.session();
        conf = spark.sparkContext().hadoopConfiguration();
        lake = dir.toUri().toString();
        raw = new RawFiles(lake, conf);
        twoHoursLater = Clock.fixed(HOUR.end().plus(Duration.ofHours(1)), ZoneOffset.UTC);
        table = new LakeTable(spark, lake);
    }

    @AfterEach
    void tearDown() throws Exception {
        table.close();
    }

    @Test
    void compactsSinkAndBackfillFilesIntoOneSortedDedupedHourOfTheTable() throws Exception {
        raw.sinkFile(HOUR, TOPIC, 0, 0, 100);
        raw.sinkFile(HOUR, TOPIC, 1, 0, 100);
        raw.sinkFile(HOUR, TOPIC, 2, 0, 100);
        raw.backfillFile(HOUR, TOPIC, 0, 50, 150);   // 50 duplicates, 50 new
        raw.backfillFile(HOUR, TOPIC, 1, 0, 100);    // all duplicates

        CompactionResult result = compaction().execute();

        HourCompactionResult hour = result.hours().get(0);
        assertThat(hour.status()).isEqualTo(HourStatus.PUBLISHED);
        assertThat(hour.filesIn()).isEqualTo(5);
        assertThat(hour.rowsIn()).isEqualTo(500);
        assertThat(hour.rowsOut()).isEqualTo(350);
        assertThat(hour.duplicatesDropped()).isEqualTo(150);
        assertThat(hour.filesOut()).isEqualTo(1);
        assertThat(hour.bytesIn()).isEqualTo(sizeOfRawFiles());
        assertThat(result.toJson()).contains("\"duplicates_dropped\":150");
        assertThat(result.snapshots()).containsExactly(hour.snapshotId());

        Snapshot snapshot = table.table().currentSnapshot();
        assertThat(snapshot.snapshotId()).isEqualTo(hour.snapshotId());
        assertThat(snapshot.summary()).containsEntry("ticklake.job", "compact")
                .containsEntry("ticklake.rows-out", "350").containsKey("ticklake.raw-fingerprint." + HOUR);
        List<DataFile> files = table.files(HOUR);
        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.recordCount()).isEqualTo(350);
            assertThat(f.location()).startsWith(lake.replace("file:///", "file:/") + "warehouse/ticklake/ticks/data/"
                    + "event_time_hour=2026-11-20-14/");
            assertThat(f.fileSizeInBytes()).isEqualTo(Files.size(Path.of(URI.create(f.location()))));
        });

        List<Tick> rows = table.rowsOf(files.get(0));
        assertThat(rows).hasSize(350);
        assertThat(rows.stream().map(Tick::coordinate).collect(Collectors.toSet())).hasSize(350)
                .isEqualTo(expectedCoordinates(new long[] {150, 100, 100}));
        assertThat(rows).isSortedAccordingTo(Comparator.comparing(Tick::symbol).thenComparing(Tick::eventTime));
        // the rows are the ticks that were landed, not just their coordinates
        assertThat(rows).contains(Tick.at(TOPIC, 0, 120, HOUR.start()), Tick.at(TOPIC, 2, 7, HOUR.start()));
        // and Spark SQL over the catalog sees the same hour
        assertThat(table.rows(HOUR)).containsExactlyInAnyOrderElementsOf(rows);

        assertIcebergParquet(files.get(0));
    }

    @Test
    void aTradeLandedOnTwoCoordinatesCompactsToOneRowAndTheRawLayerStaysAsLanded() throws Exception {
        Tick first = Tick.at(TOPIC, 0, 10, HOUR.start());
        // a producer retry: the same (symbol, sequence) on a later offset, even with another price
        Tick retry = copy(first, first.eventTime(), first.price() + 1, 2, 40);
        // a repeated quote with a later event time on a lower coordinate: the earlier event time wins
        Tick repeated = copy(first, first.eventTime().plusSeconds(5), first.price(), 0, 5);
        // the same sequence of another symbol is another trade
        Tick otherSymbol = new Tick(first.symbol() + "X", first.price(), first.volume(), first.bid(), first.ask(),
                first.eventTime(), first.sequence(), first.source(), TOPIC, 3, 77, first.ingestTime());
        raw.write(HOUR, "stock-ticks+0+00000000000000000010.parquet", List.of(first));
        var retried = raw.write(HOUR, "stock-ticks+2+00000000000000000040.parquet", List.of(retry));
        raw.write(HOUR, "stock-ticks+0+00000000000000000005.parquet", List.of(repeated));
        raw.write(HOUR, "stock-ticks+3+00000000000000000077.parquet", List.of(otherSymbol));
        raw.sinkFile(HOUR, TOPIC, 1, 0, 20);

        HourCompactionResult hour = compaction().execute().hours().get(0);

        assertThat(hour.rowsIn()).isEqualTo(24);
        assertThat(hour.rowsOut()).isEqualTo(22);
        assertThat(hour.duplicatesDropped()).isEqualTo(2);
        List<Tick> rows = table.rows(HOUR);
        assertThat(rows).hasSize(22).contains(first, otherSymbol).doesNotContain(retry, repeated);
        assertThat(rows.stream().filter(t -> t.symbol().equals(first.symbol()) && t.sequence() == first.sequence()))
                .containsExactly(first);
        // the raw layer is not rewritten
        assertThat(ParquetRows.read(URI.create(retried.uri()), conf)).containsExactly(retry);
    }

    private static Tick copy(Tick tick, Instant eventTime, double price, int partition, long offset) {
        return new Tick(tick.symbol(), price, tick.volume(), tick.bid(), tick.ask(), eventTime, tick.sequence(),
                tick.source(), TOPIC, partition, offset, tick.ingestTime());
    }

    @Test
    void rerunOnUnchangedInputMakesNoSnapshotAndALateFileReplacesTheHour() throws Exception {
        raw.sinkFile(HOUR, TOPIC, 0, 0, 100);
        compaction().execute();
        List<DataFile> first = table.files(HOUR);

        CompactionResult again = compaction().execute();
        assertThat(again.hours().get(0).status()).isEqualTo(HourStatus.UNCHANGED);
        assertThat(again.snapshots()).isEmpty();
        assertThat(table.snapshots()).hasSize(1);

        raw.sinkFile(HOUR, TOPIC, 0, 100, 130);        // late data
        HourCompactionResult late = compaction().execute().hours().get(0);
        assertThat(late.status()).isEqualTo(HourStatus.PUBLISHED);
        assertThat(late.rowsOut()).isEqualTo(130);
        assertThat(table.snapshots()).hasSize(2);
        List<DataFile> second = table.files(HOUR);
        assertThat(second).extracting(DataFile::location).doesNotContainAnyElementsOf(
                first.stream().map(DataFile::location).toList());
        assertThat(table.rows(HOUR)).hasSize(130);
        // the replaced files stay for readers of the older snapshot until it expires
        assertThat(Path.of(URI.create(first.get(0).location()))).exists();
    }

    @Test
    void aRangeOfSparseHoursCompactsInFewCommitsAndThenNotAgain() throws Exception {
        HourPartition from = HourPartition.parse("2026-11-19T00");
        for (int h = 0; h < 25; h++) {
            raw.sinkFile(new HourPartition(from.start().plusSeconds(3600L * h)), TOPIC, 0, h * 10L, h * 10L + 3);
        }
        Compaction range = Compaction.in(spark).option("lake", lake).option("from", "2026-11-19T00")
                .option("to", "2026-11-20T01").option("hours-per-commit", "10").clock(twoHoursLater);

        CompactionResult result = range.execute();

        assertThat(result.published()).isEqualTo(25);
        assertThat(result.snapshots()).hasSize(3);
        assertThat(result.rowsOut()).isEqualTo(75);
        assertThat(table.snapshots()).hasSize(3);
        List<DataFile> files = new ArrayList<>();
        for (int h = 0; h < 25; h++) {
            files.addAll(table.files(new HourPartition(from.start().plusSeconds(3600L * h))));
        }
        assertThat(files).as("one file per small hour").hasSize(25);
        // names are <run>-<task>-<roll>.parquet: a batch of hours is spread over the session's two cores
        assertThat(files.stream().map(f -> f.location().replaceAll(".*-(\\d{5})-\\d{5}\\.parquet$", "$1"))
                .distinct()).hasSize(2);
        // nothing beside the data files: a side file (a checksum, say) would be an orphan of the table
        try (var written = Files.walk(dir.resolve("warehouse"))) {
            assertThat(written.filter(f -> Files.isRegularFile(f) && f.toString().contains("/data/"))
                    .map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(files.stream()
                            .map(f -> f.location().substring(f.location().lastIndexOf('/') + 1)).toList());
        }
        assertThat(range.execute().snapshots()).isEmpty();
        assertThat(table.snapshots()).hasSize(3);
    }

    /**
     * An hour of a few files' worth is split by symbol among the threads of one task, which read it
     * once; one of many files' worth goes through Spark's shuffle by symbol instead. Either way every file
     * is sorted.
     */
    @ParameterizedTest(name = "{0} rows per partition")
    @CsvSource({"40000, 2", "110000, 5"})
    void rollsFilesAtTheTargetSizeAndKeepsEachFileSorted(int rowsPerPartition, int atLeastFiles) throws Exception {
        for (int partition = 0; partition < 3; partition++) {
            raw.sinkFile(HOUR, TOPIC, partition, 0, rowsPerPartition);
        }
        raw.backfillFile(HOUR, TOPIC, 1, 0, 10_000);

        HourCompactionResult hour = compaction().option("target-file-size", "1MB").execute().hours().get(0);

        assertThat(hour.rowsOut()).isEqualTo(3L * rowsPerPartition);
        assertThat(hour.duplicatesDropped()).isEqualTo(10_000);
        assertThat(hour.filesOut()).isGreaterThanOrEqualTo(atLeastFiles);
        List<DataFile> files = table.files(HOUR);
        assertThat(files).hasSize(hour.filesOut());
        List<Tick> rows = table.rows(HOUR);
        assertThat(rows.stream().map(Tick::coordinate).distinct().count()).isEqualTo(3L * rowsPerPartition);
        // every value as landed, whichever path wrote it (Spark's rows, or straight from columns)
        Comparator<Tick> byCoordinate = Comparator.comparing(Tick::partition).thenComparingLong(Tick::offset);
        List<Tick> landed = new ArrayList<>();
        for (int partition = 0; partition < 3; partition++) {
            landed.addAll(RawFiles.ticks(HOUR, TOPIC, partition, 0, rowsPerPartition));
        }
        assertThat(rows.stream().sorted(byCoordinate).toList()).isEqualTo(landed.stream().sorted(byCoordinate).toList());
        Comparator<Tick> order = Comparator.comparing(Tick::symbol).thenComparing(Tick::eventTime);
        for (DataFile file : files) {
            assertThat(table.rowsOf(file)).as("rows of %s", file.location()).isSortedAccordingTo(order);
        }
    }

    @Test
    void sortsLongSymbolsAndTheHoursEdgesLikeAnyOther() throws Exception {
        // symbols longer than the sorter's exact 5-byte prefix (sharing it, too), the first and last ms
        List<String> symbols = List.of("GOOGLE", "GOOGL", "GOOGLX", "ZZZZZZZZZZZZ", "A", "BRK.B");
        List<Tick> ticks = new ArrayList<>();
        for (long offset = 0; offset < 3_000; offset++) {
            Tick tick = Tick.at(TOPIC, 0, offset, HOUR.start());
            Instant eventTime = HOUR.start().plusMillis(offset % 10 == 0 ? 0 : offset % 10 == 1 ? 3_599_999
                    : (offset * 7_919) % 3_600_000);
            ticks.add(new Tick(symbols.get((int) (offset % symbols.size())), tick.price(), tick.volume(), tick.bid(),
                    tick.ask(), eventTime, offset, tick.source(), TOPIC, 0, offset, tick.ingestTime()));
        }
        raw.write(HOUR, "stock-ticks+0+00000000000000000000.parquet", ticks);
        raw.write(HOUR, "backfill+stock-ticks+0+00000000000000000000.parquet", ticks.subList(1_000, 2_000));

        HourCompactionResult hour = compaction().execute().hours().get(0);

        assertThat(hour.rowsOut()).isEqualTo(3_000);
        List<Tick> rows = table.rowsOf(table.files(HOUR).get(0));
        assertThat(rows).isSortedAccordingTo(Comparator.comparing(Tick::symbol).thenComparing(Tick::eventTime)
                .thenComparingLong(Tick::offset));
        assertThat(rows).containsExactlyInAnyOrderElementsOf(ticks);
    }

    @Test
    void aRawFileHoldingTicksOfAnotherHourIsABadFile() throws Exception {
        Tick elsewhere = Tick.at(TOPIC, 0, 1, HOUR.end());    // the next hour's tick in this hour's directory
        raw.write(HOUR, "stock-ticks+0+00000000000000000001.parquet", List.of(elsewhere));
        raw.sinkFile(HOUR, TOPIC, 1, 0, 10);

        assertThatThrownBy(() -> compaction().execute()).isInstanceOf(BadRawFilesException.class)
                .hasMessageContaining("stock-ticks+0+00000000000000000001.parquet")
                .hasMessageContaining("outside its partition's hour");
        HourCompactionResult skipped = compaction().option("on-bad-file", "skip").execute().hours().get(0);
        assertThat(skipped.rowsOut()).isEqualTo(10);
        assertThat(table.files(HourPartition.containing(HOUR.end()))).isEmpty();
    }

    @Test
    void compactsEveryClosedHourWhenNoHourIsGiven() throws Exception {
        HourPartition earlier = HourPartition.parse("2026-11-20T13");
        HourPartition open = HourPartition.parse("2026-11-20T16");
        raw.sinkFile(earlier, TOPIC, 0, 0, 10);
        raw.sinkFile(HOUR, TOPIC, 0, 10, 30);
        raw.sinkFile(open, TOPIC, 0, 30, 35);
        Clock at1605 = Clock.fixed(open.start().plusSeconds(300), ZoneOffset.UTC);

        CompactionResult result = Compaction.in(spark).option("lake", lake).clock(at1605).execute();

        assertThat(result.hours()).extracting(HourCompactionResult::hour).containsExactly(earlier, HOUR);
        assertThat(result.rowsOut()).isEqualTo(30);
        assertThat(table.files(open)).isEmpty();
        assertThat(table.files(earlier)).isNotEmpty();
    }

    @Test
    void rejectsBadOptionsBeforeReadingAnything() {
        assertThatThrownBy(() -> Compaction.in(spark).option("lake", lake).option("target-size", "1MB").execute())
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("'target-size'")
                .hasMessageContaining("target-file-size");
        assertThatThrownBy(() -> Compaction.in(spark).option("lake", lake).option("target-file-size", "12 parsecs")
                .execute()).isInstanceOf(InvalidOptionException.class).hasMessageContaining("'target-file-size'");
        assertThatThrownBy(() -> Compaction.in(spark).option("hour", HOUR.toString()).execute())
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("'lake'");
        Clock inTheHour = Clock.fixed(HOUR.start().plusSeconds(60), ZoneOffset.UTC);
        assertThatThrownBy(() -> compaction().clock(inTheHour).execute())
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("'hour'").hasMessageContaining("not closed");
    }

    private Compaction compaction() {
        return Compaction.in(spark).option("lake", lake).option("hour", "2026-11-20T14").clock(twoHoursLater);
    }

    private long sizeOfRawFiles() throws Exception {
        try (var files = Files.list(Path.of(URI.create(raw.layout().rawHour(HOUR))))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    private static Set<String> expectedCoordinates(long[] countsByPartition) {
        Set<String> expected = new HashSet<>();
        for (int p = 0; p < countsByPartition.length; p++) {
            for (long o = 0; o < countsByPartition[p]; o++) {
                expected.add(TOPIC + "/" + p + "@" + o);
            }
        }
        return expected;
    }

    /** Iceberg's own Parquet: field ids, UTC microsecond timestamps, required columns, Snappy. */
    private void assertIcebergParquet(DataFile file) throws Exception {
        ParquetMetadata footer = ParquetRows.footer(URI.create(file.location()), conf);
        MessageType schema = footer.getFileMetaData().getSchema();
        assertThat(schema.getFields()).extracting(Type::getName).isEqualTo(RawTickColumns.ALL);
        assertThat(schema.getType("event_time").getId().intValue()).isEqualTo(6);
        assertThat(schema.getType("event_time").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
        assertThat(schema.getType("symbol").isRepetition(Type.Repetition.REQUIRED)).isTrue();
        for (BlockMetaData block : footer.getBlocks()) {
            for (ColumnChunkMetaData column : block.getColumns()) {
                assertThat(column.getCodec()).isEqualTo(CompressionCodecName.SNAPPY);
            }
        }
    }
}
