package io.ticklake.spark.compaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.parquet.WrittenFile;
import io.ticklake.spark.testing.LakeTable;
import io.ticklake.spark.testing.RawFiles;
import io.ticklake.spark.testing.TestSpark;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrupt and foreign files in a raw partition are reported by name and never read as ticks. */
class BadRawFileIT {

    private static final HourPartition HOUR = HourPartition.parse("2026-11-20T10");

    @TempDir
    Path dir;

    private SparkSession spark;
    private String lake;
    private Path rawHour;

    @BeforeEach
    void setUp() throws Exception {
        spark = TestSpark.session();
        lake = dir.toUri().toString();
        RawFiles raw = new RawFiles(lake, spark.sparkContext().hadoopConfiguration());
        WrittenFile good = raw.sinkFile(HOUR, "stock-ticks", 0, 0, 300);
        raw.sinkFile(HOUR, "stock-ticks", 1, 0, 200);
        rawHour = Path.of(URI.create(raw.layout().rawHour(HOUR)));
        // an upload cut short: the first half of a good file
        byte[] bytes = Files.readAllBytes(Path.of(URI.create(good.uri())));
        Files.write(rawHour.resolve("stock-ticks+2+00000000000000000000.parquet"),
                Arrays.copyOf(bytes, bytes.length / 2));
        // another table's Parquet file
        Path foreignDir = dir.resolve("foreign");
        spark.range(5).toDF("id").coalesce(1).write().mode(SaveMode.Overwrite).parquet(foreignDir.toString());
        try (Stream<Path> files = Files.list(foreignDir)) {
            Path part = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
            Files.copy(part, rawHour.resolve("orders-0001.parquet"));
        }
        // and not Parquet at all
        Files.writeString(rawHour.resolve("notes.txt"), "symbol,price\nACME,1.0\n");
    }

    @Test
    void failsTheHourNamingEveryBadFileByDefault() throws Exception {
        assertThatThrownBy(() -> compaction().execute())
                .isInstanceOf(BadRawFilesException.class)
                .hasMessageContaining("stock-ticks+2+00000000000000000000.parquet")
                .hasMessageContaining("orders-0001.parquet")
                .hasMessageContaining("notes.txt")
                .hasMessageContaining("not the raw stock_ticks schema")
                .satisfies(e -> assertThat(((BadRawFilesException) e).files()).hasSize(3));
        try (LakeTable table = new LakeTable(spark, lake)) {
            assertThat(table.files(HOUR)).isEmpty();
            assertThat(table.snapshots()).isEmpty();
        }
    }

    @Test
    void skipsBadFilesWhenAskedAndReportsThemInTheResult() throws Exception {
        HourCompactionResult result = compaction().option("on-bad-file", "skip").execute().hours().get(0);

        assertThat(result.status()).isEqualTo(HourStatus.PUBLISHED);
        assertThat(result.badFiles()).extracting(b -> b.uri().substring(b.uri().lastIndexOf('/') + 1))
                .containsExactlyInAnyOrder("stock-ticks+2+00000000000000000000.parquet", "orders-0001.parquet",
                        "notes.txt");
        assertThat(result.filesIn()).isEqualTo(2);
        assertThat(result.rowsOut()).isEqualTo(500);
        try (LakeTable table = new LakeTable(spark, lake)) {
            assertThat(table.rows(HOUR)).hasSize(500);
        }

        // the bad files are part of the input fingerprint: a rerun is a no-op, not a repeated failure
        assertThat(compaction().execute().hours().get(0).status()).isEqualTo(HourStatus.UNCHANGED);
    }

    private Compaction compaction() {
        return Compaction.in(spark).option("lake", lake).option("hour", HOUR.toString());
    }
}
