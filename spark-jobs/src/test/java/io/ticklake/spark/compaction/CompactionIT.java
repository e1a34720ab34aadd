package io.ticklake.spark.compaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.lake.Manifest;
import io.ticklake.spark.lake.ManifestReader;
import io.ticklake.spark.options.InvalidOptionException;
import io.ticklake.spark.parquet.RawTickSchema;
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
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compaction on the local file system: counters, dedup, order, schema, idempotence, late data, grace. */
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

    @BeforeEach
    void setUp() {
        spark = TestSpark.session();
        conf = spark.sparkContext().hadoopConfiguration();
        lake = dir.toUri().toString();
        raw = new RawFiles(lake, conf);
        twoHoursLater = Clock.fixed(HOUR.end().plus(Duration.ofHours(1)), ZoneOffset.UTC);
    }

    @Test
    void compactsSinkAndBackfillFilesIntoOneSortedDedupedVersion() throws Exception {
        raw.sinkFile(HOUR, TOPIC, 0, 0, 100);
        raw.sinkFile(HOUR, TOPIC, 1, 0, 100);
        raw.sinkFile(HOUR, TOPIC, 2, 0, 100);
        raw.backfillFile(HOUR, TOPIC, 0, 50, 150);   // 50 duplicates, 50 new
        raw.backfillFile(HOUR, TOPIC, 1, 0, 100);    // all duplicates

        CompactionResult result = compaction().execute();

        HourCompactionResult hour = result.hours().get(0);
        assertThat(hour.status()).isEqualTo(HourStatus.PUBLISHED);
        assertThat(hour.version()).isEqualTo(1);
        assertThat(hour.filesIn()).isEqualTo(5);
        assertThat(hour.rowsIn()).isEqualTo(500);
        assertThat(hour.rowsOut()).isEqualTo(350);
        assertThat(hour.duplicatesDropped()).isEqualTo(150);
        assertThat(hour.filesOut()).isEqualTo(1);
        assertThat(hour.bytesIn()).isEqualTo(sizeOfRawFiles());
        assertThat(result.toJson()).contains("\"duplicates_dropped\":150");

        ManifestReader reader = ManifestReader.local(lake);
        Manifest manifest = reader.manifest(HOUR).orElseThrow();
        assertThat(manifest.version()).isEqualTo(1);
        assertThat(manifest.rowCount()).isEqualTo(350);
        assertThat(manifest.files()).extracting(f -> f.path()).containsExactly("_v000001/part-00000.parquet");
        List<URI> files = reader.currentFiles(HOUR);
        assertThat(manifest.files().get(0).bytes()).isEqualTo(Files.size(Path.of(files.get(0))));

        List<Tick> rows = ParquetRows.readAll(files, conf);
        assertThat(rows).hasSize(350);
        assertThat(rows.stream().map(Tick::coordinate).collect(Collectors.toSet())).hasSize(350)
                .isEqualTo(expectedCoordinates(new long[] {150, 100, 100}));
        assertThat(rows).isSortedAccordingTo(Comparator.comparing(Tick::symbol).thenComparing(Tick::eventTime));
        // the rows are the ticks that were landed, not just their coordinates
        assertThat(rows).contains(Tick.at(TOPIC, 0, 120, HOUR.start()), Tick.at(TOPIC, 2, 7, HOUR.start()));

        assertContractSchema(files.get(0));
    }

    @Test
    void rerunOnUnchangedInputIsANoOpAndLateFilesMakeANewVersion() throws Exception {
        raw.sinkFile(HOUR, TOPIC, 0, 0, 100);
        compaction().execute();
        Manifest first = ManifestReader.local(lake).manifest(HOUR).orElseThrow();

        HourCompactionResult again = compaction().execute().hours().get(0);
        assertThat(again.status()).isEqualTo(HourStatus.UNCHANGED);
        assertThat(again.filesOut()).isZero();
        assertThat(ManifestReader.local(lake).manifest(HOUR).orElseThrow()).isEqualTo(first);

        raw.sinkFile(HOUR, TOPIC, 0, 100, 130);        // late data
        HourCompactionResult late = compaction().execute().hours().get(0);
        assertThat(late.status()).isEqualTo(HourStatus.PUBLISHED);
        assertThat(late.version()).isEqualTo(2);
        assertThat(late.rowsOut()).isEqualTo(130);
        Manifest second = ManifestReader.local(lake).manifest(HOUR).orElseThrow();
        assertThat(second.sourceFingerprint()).isNotEqualTo(first.sourceFingerprint());
        assertThat(ParquetRows.readAll(ManifestReader.local(lake).currentFiles(HOUR), conf)).hasSize(130);
        // the old version stays for readers during the grace period ...
        Path hourDir = Path.of(URI.create(raw.layout().compactedHour(HOUR)));
        assertThat(hourDir.resolve("_v000001")).isDirectory();

        // ... and goes once the grace period has passed, on any later run
        Clock afterGrace = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
        HourCompactionResult cleaned = compaction().clock(afterGrace).execute().hours().get(0);
        assertThat(cleaned.status()).isEqualTo(HourStatus.UNCHANGED);
        assertThat(cleaned.removedVersions()).containsExactly(1L);
        assertThat(hourDir.resolve("_v000001")).doesNotExist();
        assertThat(hourDir.resolve("_v000002")).isDirectory();
    }

    @Test
    void rollsFilesAtTheTargetSizeAndKeepsEachFileSorted() throws Exception {
        for (int partition = 0; partition < 3; partition++) {
            raw.sinkFile(HOUR, TOPIC, partition, 0, 40_000);
        }
        raw.backfillFile(HOUR, TOPIC, 1, 0, 10_000);

        HourCompactionResult hour = compaction().option("target-file-size", "1MB").execute().hours().get(0);

        assertThat(hour.rowsOut()).isEqualTo(120_000);
        assertThat(hour.duplicatesDropped()).isEqualTo(10_000);
        assertThat(hour.filesOut()).isGreaterThan(1);
        List<URI> files = ManifestReader.local(lake).currentFiles(HOUR);
        List<Tick> rows = ParquetRows.readAll(files, conf);
        assertThat(rows.stream().map(Tick::coordinate).distinct().count()).isEqualTo(120_000);
        Comparator<Tick> order = Comparator.comparing(Tick::symbol).thenComparing(Tick::eventTime);
        for (URI file : files) {
            assertThat(ParquetRows.read(file, conf)).as("rows of %s", file).isSortedAccordingTo(order);
        }
        // a symbol's ticks live in one partition's files, which the manifest lists in order
        Map<String, List<Tick>> bySymbol = rows.stream().collect(Collectors.groupingBy(Tick::symbol));
        assertThat(bySymbol.values()).allSatisfy(ticks ->
                assertThat(ticks).isSortedAccordingTo(Comparator.comparing(Tick::eventTime)));
    }

    @Test
    void sortsLongSymbolsAndTimesOutsideTheHourLikeAnyOther() throws Exception {
        // symbols longer than the sorter's exact 5-byte prefix (sharing it, too) and times it clamps
        List<String> symbols = List.of("GOOGLE", "GOOGL", "GOOGLX", "ZZZZZZZZZZZZ", "A", "BRK.B");
        List<Tick> ticks = new ArrayList<>();
        for (long offset = 0; offset < 3_000; offset++) {
            Tick tick = Tick.at(TOPIC, 0, offset, HOUR.start());
            Instant eventTime = HOUR.start().plusMillis((offset * 7_919) % 3_600_000 + 3_000_000 * (offset % 3) - 2_000_000);
            ticks.add(new Tick(symbols.get((int) (offset % symbols.size())), tick.price(), tick.volume(), tick.bid(),
                    tick.ask(), eventTime, offset, tick.source(), TOPIC, 0, offset, tick.ingestTime()));
        }
        raw.write(HOUR, "stock-ticks+0+00000000000000000000.parquet", ticks);
        raw.write(HOUR, "backfill+stock-ticks+0+00000000000000000000.parquet", ticks.subList(1_000, 2_000));

        HourCompactionResult hour = compaction().execute().hours().get(0);

        assertThat(hour.rowsOut()).isEqualTo(3_000);
        List<Tick> rows = ParquetRows.readAll(ManifestReader.local(lake).currentFiles(HOUR), conf);
        assertThat(rows).isSortedAccordingTo(Comparator.comparing(Tick::symbol).thenComparing(Tick::eventTime)
                .thenComparingLong(Tick::offset));
        assertThat(rows).containsExactlyInAnyOrderElementsOf(ticks);
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
        assertThat(ManifestReader.local(lake).manifest(open)).isEmpty();
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

    private void assertContractSchema(URI file) throws Exception {
        ParquetMetadata footer = ParquetRows.footer(file, conf);
        assertThat(RawTickSchema.mismatch(footer.getFileMetaData().getSchema())).isNull();
        assertThat(footer.getFileMetaData().getSchema().getType("event_time").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS));
        assertThat(footer.getFileMetaData().getSchema().getType("symbol").isRepetition(
                org.apache.parquet.schema.Type.Repetition.REQUIRED)).isTrue();
        for (BlockMetaData block : footer.getBlocks()) {
            for (ColumnChunkMetaData column : block.getColumns()) {
                assertThat(column.getCodec()).isEqualTo(CompressionCodecName.SNAPPY);
            }
        }
    }
}
