package io.ticklake.spark.compaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.testing.LakeTable;
import io.ticklake.spark.testing.RawFiles;
import io.ticklake.spark.testing.TestSpark;
import io.ticklake.spark.testing.Tick;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compaction JVM killed (halted, no cleanup) before writing, after writing but before the commit, and
 * after the commit: the table shows the old or the new hour, the next run completes it, and the killed
 * run's files that no snapshot references are left for orphan removal.
 */
class CompactionKillIT {

    private static final HourPartition HOUR = HourPartition.parse("2026-11-20T09");
    private static final String TOPIC = "stock-ticks";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(CompactionStep.class)
    void aKilledRunLeavesTheOldOrTheNewHourAndTheNextRunCompletesIt(CompactionStep killAt) throws Exception {
        SparkSession spark = TestSpark.session();
        String lake = dir.toUri().toString();
        RawFiles raw = new RawFiles(lake, spark.sparkContext().hadoopConfiguration());
        raw.sinkFile(HOUR, TOPIC, 0, 0, 300);
        compaction(spark, lake).execute();                     // 300 rows
        raw.sinkFile(HOUR, TOPIC, 1, 0, 100);                  // late data: then 400 rows

        Process child = startChild(lake, killAt);
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("child finished").isTrue();
        assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isEqualTo(CompactionChild.KILLED);

        try (LakeTable table = new LakeTable(spark, lake)) {
            boolean committed = killAt == CompactionStep.AFTER_COMMIT;
            assertThat(table.rows(HOUR)).hasSize(committed ? 400 : 300);
            Set<Path> unreferenced = unreferencedDataFiles(table);
            if (killAt == CompactionStep.AFTER_WRITE) {
                assertThat(unreferenced).as("the killed run's written files, in no snapshot").isNotEmpty();
            }

            HourCompactionResult next = compaction(spark, lake).execute().hours().get(0);

            assertThat(next.status()).isEqualTo(committed ? HourStatus.UNCHANGED : HourStatus.PUBLISHED);
            List<Tick> rows = table.rows(HOUR);
            assertThat(rows).hasSize(400);
            assertThat(rows.stream().map(Tick::coordinate).distinct().count()).isEqualTo(400);
        }
    }

    /** Parquet files under the table's data directory that the current snapshot does not reference. */
    static Set<Path> unreferencedDataFiles(LakeTable table) throws Exception {
        Set<Path> referenced = table.files(HOUR).stream().map(DataFile::location).map(CompactionKillIT::path)
                .collect(Collectors.toSet());
        Path data = path(table.table().location() + "/data");
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .filter(p -> !referenced.contains(p)).collect(Collectors.toSet());
        }
    }

    private static Path path(String location) {
        return Path.of(URI.create(location.replaceFirst("^file:/+", "file:///")));
    }

    private static Compaction compaction(SparkSession spark, String lake) {
        return Compaction.in(spark).option("lake", lake).option("hour", HOUR.toString());
    }

    private Process startChild(String lake, CompactionStep killAt) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g"));
        command.addAll(Arrays.asList(System.getProperty("spark.add.opens", "").trim().split("\\s+")));
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        command.addAll(List.of("-cp", classpath, CompactionChild.class.getName(), "lake=" + lake,
                "hour=" + HOUR, "die.at=" + killAt));
        File log = dir.resolve("child.log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }
}
