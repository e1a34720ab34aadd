package io.ticklake.spark.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticklake.spark.compaction.Compaction;
import io.ticklake.spark.compaction.CompactionResult;
import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.testing.LakeTable;
import io.ticklake.spark.testing.LoopingReader;
import io.ticklake.spark.testing.RawFiles;
import io.ticklake.spark.testing.TestSpark;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.iceberg.Snapshot;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader loops over an hour (Iceberg scan planning, then DuckDB reading exactly the planned files, the
 * analytics read path) while a compaction replaces the hour and maintenance expires snapshots and removes
 * orphans at the same time: every read sees one whole snapshot and none finds a planned file missing.
 */
class MaintenanceFaultIT {

    private static final HourPartition HOUR = HourPartition.parse("2026-11-20T09");
    private static final String TOPIC = "stock-ticks";

    @TempDir
    Path dir;

    @Test
    void readsSeeWholeSnapshotsWhileCompactionExpiryAndOrphanRemovalRun() throws Exception {
        SparkSession spark = TestSpark.session();
        String lake = dir.toUri().toString();
        RawFiles raw = new RawFiles(lake, spark.sparkContext().hadoopConfiguration());
        raw.sinkFile(HOUR, TOPIC, 0, 0, 150);
        raw.sinkFile(HOUR, TOPIC, 1, 0, 150);
        compaction(spark, lake).execute();                     // s1: 300 rows
        raw.sinkFile(HOUR, TOPIC, 2, 0, 100);
        compaction(spark, lake).execute();                     // s2: 400 rows, s1 superseded

        try (LakeTable table = new LakeTable(spark, lake); LoopingReader reader = new LoopingReader(lake, HOUR)) {
            List<Snapshot> history = table.snapshots();
            Snapshot s1 = history.get(0);
            Snapshot s2 = history.get(1);
            List<Path> s1Files = addedFiles(table, s1);
            List<Path> s2Files = addedFiles(table, s2);
            Path hourDir = s2Files.get(0).getParent();
            // a failed writer's leftover from long before, and a running writer's file not committed yet
            Path leftover = Files.writeString(hourDir.resolve("00000-failed.parquet"), "left by a failed write");
            Files.setLastModifiedTime(leftover, FileTime.fromMillis(s2.timestampMillis()
                    - Duration.ofHours(2).toMillis()));
            Path inFlight = Files.writeString(hourDir.resolve("00000-in-flight.parquet"), "being written");
            // maintenance runs "an hour after s2 superseded s1", with the shortest retention allowed without force
            Clock hourLater = Clock.fixed(Instant.ofEpochMilli(s2.timestampMillis()).plus(Duration.ofHours(1))
                    .plusMillis(1), ZoneOffset.UTC);
            await().atMost(Duration.ofSeconds(60)).until(() -> reader.reads() >= 3);

            raw.sinkFile(HOUR, TOPIC, 3, 0, 100);              // late data: the compaction below makes s3
            long readsBefore = reader.reads();
            ExecutorService jobs = Executors.newFixedThreadPool(2);
            try {
                Future<CompactionResult> compacted = jobs.submit(() -> compaction(spark, lake).execute());
                Future<MaintenanceResult> maintained = jobs.submit(() -> maintenance(spark, lake, hourLater).execute());
                assertThat(compacted.get(5, TimeUnit.MINUTES).snapshots()).hasSize(1);
                MaintenanceResult result = maintained.get(5, TimeUnit.MINUTES);
                assertThat(result.snapshotsExpired()).isEqualTo(1);
                assertThat(result.orphansRemoved()).isEqualTo(1);
            } finally {
                jobs.shutdownNow();
            }
            long readsDuring = reader.reads() - readsBefore;
            long readsAfterJobs = reader.reads();
            await().atMost(Duration.ofSeconds(60)).until(() -> reader.reads() >= readsAfterJobs + 3);

            // s2 was current until s3 committed: it stays however old its commit is; a rerun changes nothing
            MaintenanceResult rerun = maintenance(spark, lake, hourLater).execute();
            assertThat(rerun.snapshotsExpired()).isZero();
            assertThat(rerun.snapshots()).isEmpty();
            List<Snapshot> after = table.snapshots();
            assertThat(after).hasSize(2).extracting(Snapshot::snapshotId).contains(s2.snapshotId())
                    .doesNotContain(s1.snapshotId());
            assertThat(s1Files).allSatisfy(f -> assertThat(f).doesNotExist());
            assertThat(s2Files).allSatisfy(f -> assertThat(f).exists());
            assertThat(leftover).doesNotExist();
            assertThat(inFlight).exists();
            assertThat(table.rows(HOUR)).hasSize(500);

            assertThat(readsDuring).isPositive();
            assertThat(reader.problems()).isEmpty();
            assertThat(reader.countsSeen()).containsOnly(400L, 500L).contains(500L);
        }
    }

    private static Compaction compaction(SparkSession spark, String lake) {
        return Compaction.in(spark).option("lake", lake).option("hour", HOUR.toString());
    }

    private static Maintenance maintenance(SparkSession spark, String lake, Clock clock) {
        return Maintenance.in(spark).option("lake", lake).option("expire-older-than", "1h")
                .option("orphan-older-than", "1h").clock(clock);
    }

    private static List<Path> addedFiles(LakeTable table, Snapshot snapshot) {
        return StreamSupport.stream(snapshot.addedDataFiles(table.table().io()).spliterator(), false)
                .map(f -> Path.of(URI.create(f.location().replaceFirst("^file:/+", "file:///")))).toList();
    }
}
