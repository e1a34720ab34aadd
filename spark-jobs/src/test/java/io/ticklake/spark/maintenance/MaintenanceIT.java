package io.ticklake.spark.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.spark.compaction.Compaction;
import io.ticklake.spark.compaction.CompactionResult;
import io.ticklake.spark.compaction.HourCompactionResult;
import io.ticklake.spark.compaction.HourStatus;
import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.options.InvalidOptionException;
import io.ticklake.spark.table.TableFingerprints;
import io.ticklake.spark.testing.LakeTable;
import io.ticklake.spark.testing.RawFiles;
import io.ticklake.spark.testing.TestSpark;
import io.ticklake.spark.testing.Tick;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maintenance job on the local file system: expiry by how long a snapshot has been superseded, the
 * retention guard, orphan removal by age, the small-file rewrite, and compaction's raw fingerprints surviving
 * all of them (a following compaction of unchanged raw data commits nothing).
 */
class MaintenanceIT {

    /** Compacted with a clock two hours after it: inside compaction's lookback, so carried forward. */
    private static final HourPartition HOUR = HourPartition.parse("2026-11-20T14");
    /** Compacted by name with the real clock: older than the lookback, so recorded once and never carried. */
    private static final HourPartition OLD_HOUR = HourPartition.parse("2026-11-20T09");
    private static final HourPartition OTHER_OLD_HOUR = HourPartition.parse("2026-11-20T10");
    private static final String TOPIC = "stock-ticks";

    @TempDir
    Path dir;

    private SparkSession spark;
    private String lake;
    private RawFiles raw;
    private LakeTable table;

    @BeforeEach
    void setUp() {
        spark = TestSpark.session();
        lake = dir.toUri().toString();
        raw = new RawFiles(lake, spark.sparkContext().hadoopConfiguration());
        table = new LakeTable(spark, lake);
    }

    @AfterEach
    void tearDown() throws Exception {
        table.close();
    }

    @Test
    void expiryCountsFromWhenASnapshotWasSupersededAndKeepsRetainLast() throws Exception {
        raw.sinkFile(HOUR, TOPIC, 0, 0, 100);
        compact();
        raw.sinkFile(HOUR, TOPIC, 1, 0, 100);
        compact();
        raw.sinkFile(HOUR, TOPIC, 2, 0, 100);
        compact();
        List<Snapshot> history = table.snapshots();
        assertThat(history).hasSize(3);
        Snapshot s1 = history.get(0);
        Snapshot s2 = history.get(1);
        Snapshot s3 = history.get(2);
        List<Path> s1Files = filesAddedBy(s1);
        List<Path> s2Files = filesAddedBy(s2);

        // now: every snapshot was superseded seconds ago
        MaintenanceResult nothing = maintenance().execute();
        assertThat(nothing.snapshotsExpired()).isZero();
        assertThat(nothing.snapshots()).isEmpty();
        assertThat(table.snapshots()).hasSize(3);

        // 24h after s3 minus a moment: s1 and s2 are both older than 24h, but s2 was current until s3 committed
        MaintenanceResult first = maintenance().clock(at(s3.timestampMillis() + Duration.ofHours(24).toMillis() - 1))
                .execute();
        assertThat(first.snapshotsExpired()).isEqualTo(1);
        assertThat(first.dataFilesDeleted()).isEqualTo(1);
        assertThat(first.metadataFilesDeleted()).isPositive();
        assertThat(first.snapshots()).isEmpty();
        assertThat(ids(table.snapshots())).containsExactly(s2.snapshotId(), s3.snapshotId());
        assertThat(s1Files).allSatisfy(f -> assertThat(f).doesNotExist());
        assertThat(s2Files).allSatisfy(f -> assertThat(f).exists());

        // a day later s2 has been superseded for long enough, but retain-last keeps it
        Clock dayLater = at(s3.timestampMillis() + Duration.ofHours(25).toMillis());
        assertThat(maintenance().option("retain-last", "2").clock(dayLater).execute().snapshotsExpired()).isZero();
        assertThat(table.snapshots()).hasSize(2);
        MaintenanceResult second = maintenance().clock(dayLater).execute();
        assertThat(second.snapshotsExpired()).isEqualTo(1);
        assertThat(ids(table.snapshots())).containsExactly(s3.snapshotId());
        assertThat(s2Files).allSatisfy(f -> assertThat(f).doesNotExist());
        assertThat(table.rows(HOUR)).hasSize(300);
        assertThat(second.toJson()).startsWith("{\"job\":\"maintain\"").contains("\"snapshots_expired\":1")
                .contains("\"snapshots\":[]");

        // below an hour is refused without force, naming the option, and nothing is touched
        raw.sinkFile(HOUR, TOPIC, 3, 0, 100);
        compact();
        assertThatThrownBy(() -> maintenance().option("expire-older-than", "10m").execute())
                .isInstanceOf(InvalidOptionException.class).hasMessageStartingWith("Option 'expire-older-than'")
                .hasMessageContaining("force");
        assertThat(table.snapshots()).hasSize(2);
        MaintenanceResult forced = maintenance().option("expire-older-than", "0s").option("force", "true").execute();
        assertThat(forced.snapshotsExpired()).isEqualTo(1);
        assertThat(table.snapshots()).hasSize(1);
        assertThat(table.rows(HOUR)).hasSize(400);
    }

    @Test
    void expiryKeepsTheFingerprintsCompactionNeedsSoARerunCommitsNothing() throws Exception {
        raw.sinkFile(OLD_HOUR, TOPIC, 0, 0, 120);
        raw.sinkFile(OTHER_OLD_HOUR, TOPIC, 0, 0, 80);
        compactByName(OLD_HOUR);
        compactByName(OTHER_OLD_HOUR);
        // the second commit does not repeat the first hour's fingerprint: it is outside compaction's lookback
        Snapshot latest = table.table().currentSnapshot();
        assertThat(latest.summary()).containsKey(TableFingerprints.key(OTHER_OLD_HOUR))
                .doesNotContainKey(TableFingerprints.key(OLD_HOUR));

        Snapshot s1 = table.snapshots().get(0);

        MaintenanceResult result = forcedMaintenance().execute();

        // a snapshot carrying both fingerprints is committed before the first one's only copy expires; the
        // second compaction snapshot was still current when the run started, so it stays this time
        assertThat(result.snapshots()).hasSize(1);
        assertThat(result.fingerprintsCarried()).isEqualTo(2);
        assertThat(result.snapshotsExpired()).isEqualTo(1);
        assertThat(ids(table.snapshots())).containsExactly(latest.snapshotId(), result.snapshots().get(0))
                .doesNotContain(s1.snapshotId());
        assertThat(table.table().currentSnapshot().summary())
                .containsKeys(TableFingerprints.key(OLD_HOUR), TableFingerprints.key(OTHER_OLD_HOUR))
                .containsEntry("ticklake.job", "maintain");
        assertThat(table.rows(OLD_HOUR)).hasSize(120);
        assertThat(table.rows(OTHER_OLD_HOUR)).hasSize(80);
        assertCompactionFindsNothingToDo();

        // the next run expires the other compaction snapshot without another carrying commit
        MaintenanceResult next = forcedMaintenance().execute();
        assertThat(next.snapshotsExpired()).isEqualTo(1);
        assertThat(next.snapshots()).isEmpty();
        assertThat(next.fingerprintsCarried()).isZero();
        assertThat(ids(table.snapshots())).containsExactly(result.snapshots().get(0));
        assertCompactionFindsNothingToDo();

        // and a rerun with nothing left to do commits nothing
        MaintenanceResult rerun = forcedMaintenance().execute();
        assertThat(rerun.snapshots()).isEmpty();
        assertThat(rerun.snapshotsExpired()).isZero();
        assertThat(table.snapshots()).hasSize(1);
        assertThat(table.rows(OLD_HOUR)).hasSize(120);
    }

    private void assertCompactionFindsNothingToDo() throws Exception {
        CompactionResult again = Compaction.in(spark).option("lake", lake)
                .option("hour", OLD_HOUR + "," + OTHER_OLD_HOUR).execute();
        assertThat(again.hours()).extracting(HourCompactionResult::status)
                .containsExactly(HourStatus.UNCHANGED, HourStatus.UNCHANGED);
        assertThat(again.snapshots()).isEmpty();
    }

    private Maintenance forcedMaintenance() {
        return maintenance().option("expire-older-than", "0s").option("force", "true");
    }

    @Test
    void orphanRemovalDeletesAStrayOldFileButNotAFreshOne() throws Exception {
        raw.sinkFile(HOUR, TOPIC, 0, 0, 100);
        compact();
        DataFile live = table.files(HOUR).get(0);
        Path hourDir = path(live.location()).getParent();
        Path stale = Files.writeString(hourDir.resolve("00000-failed-attempt.parquet"), "left by a failed write");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(4))));
        Path fresh = Files.writeString(hourDir.resolve("00001-writing-now.parquet"), "not committed yet");

        MaintenanceResult result = maintenance().execute();

        assertThat(result.orphansRemoved()).isEqualTo(1);
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(path(live.location())).exists();
        assertThat(table.rows(HOUR)).hasSize(100);
        assertThat(result.snapshots()).isEmpty();
        assertThat(table.snapshots()).hasSize(1);

        // a shorter age needs force, and then takes the fresh file too
        assertThatThrownBy(() -> maintenance().option("orphan-older-than", "30m").execute())
                .hasMessageStartingWith("Option 'orphan-older-than'");
        Files.setLastModifiedTime(fresh, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        assertThat(maintenance().option("orphan-older-than", "1m").option("force", "true").execute().orphansRemoved())
                .isEqualTo(1);
        assertThat(fresh).doesNotExist();
        assertThat(table.rows(HOUR)).hasSize(100);
    }

    @Test
    void rewritesAnHourOfSmallFilesSortedWithTheSameRowsAndCompactionStaysANoOp() throws Exception {
        raw.sinkFile(HOUR, TOPIC, 0, 0, 150);
        raw.sinkFile(HOUR, TOPIC, 1, 0, 150);
        compact();
        // another writer (here Spark SQL) leaves the hour in 12 small files, same rows
        spark.table(table.sqlName()).repartition(12).writeTo(table.sqlName())
                .option("distribution-mode", "none").overwritePartitions();
        assertThat(table.files(HOUR)).hasSize(12);
        List<Tick> before = table.rows(HOUR);
        Row sumsBefore = sums();
        assertThat(before).hasSize(300);

        MaintenanceResult result = maintenance().execute();

        assertThat(result.hoursRewritten()).containsExactly(HOUR);
        assertThat(result.filesIn()).isEqualTo(12);
        assertThat(result.filesOut()).isEqualTo(1);
        assertThat(result.snapshots()).hasSize(1);
        assertThat(result.toJson()).contains("\"hours_rewritten\":1").contains("\"files_in\":12")
                .contains("\"files_out\":1").contains("\"hours\":[\"" + HOUR + "\"]");
        List<DataFile> files = table.files(HOUR);
        assertThat(files).singleElement().satisfies(f -> assertThat(f.recordCount()).isEqualTo(300));
        assertThat(table.rows(HOUR)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(sums()).isEqualTo(sumsBefore);
        assertThat(table.rowsOf(files.get(0)))
                .isSortedAccordingTo(Comparator.comparing(Tick::symbol).thenComparing(Tick::eventTime));
        Snapshot rewrite = table.table().currentSnapshot();
        assertThat(rewrite.snapshotId()).isEqualTo(result.snapshots().get(0));
        assertThat(rewrite.operation()).isEqualTo("replace");
        assertThat(rewrite.summary()).containsKey(TableFingerprints.key(HOUR)).containsEntry("ticklake.job", "maintain");

        // compaction sees the hour's raw data as taken: nothing to do
        int snapshots = table.snapshots().size();
        assertThat(compact().snapshots()).isEmpty();
        // a rerun of maintenance finds nothing to rewrite and commits nothing
        MaintenanceResult rerun = maintenance().execute();
        assertThat(rerun.hoursRewritten()).isEmpty();
        assertThat(rerun.snapshots()).isEmpty();
        assertThat(table.snapshots()).hasSize(snapshots);

        // with the older snapshots expired, the rewrite's copy of the fingerprint still answers
        MaintenanceResult expired = maintenance().option("expire-older-than", "0s").option("force", "true").execute();
        assertThat(expired.snapshotsExpired()).isEqualTo(snapshots - 1);
        assertThat(expired.snapshots()).isEmpty();
        assertThat(compact().hours()).extracting(HourCompactionResult::status).containsExactly(HourStatus.UNCHANGED);
        assertThat(table.snapshots()).hasSize(1);
        assertThat(table.rows(HOUR)).containsExactlyInAnyOrderElementsOf(before);
    }

    private Row sums() {
        return spark.sql("SELECT count(*), sum(volume), sum(price * 1000)::BIGINT, count(DISTINCT kafka_partition, "
                + "kafka_offset), min(event_time), max(event_time) FROM " + table.sqlName()).first();
    }

    private Maintenance maintenance() {
        return Maintenance.in(spark).option("lake", lake);
    }

    private CompactionResult compact() throws Exception {
        return Compaction.in(spark).option("lake", lake)
                .clock(Clock.fixed(HOUR.end().plus(Duration.ofHours(1)), ZoneOffset.UTC)).execute();
    }

    private void compactByName(HourPartition hour) throws Exception {
        assertThat(Compaction.in(spark).option("lake", lake).option("hour", hour.toString()).execute().snapshots())
                .hasSize(1);
    }

    private List<Path> filesAddedBy(Snapshot snapshot) {
        return java.util.stream.StreamSupport.stream(snapshot.addedDataFiles(table.table().io()).spliterator(), false)
                .map(f -> path(f.location())).toList();
    }

    private static List<Long> ids(List<Snapshot> snapshots) {
        return snapshots.stream().map(Snapshot::snapshotId).toList();
    }

    private static Clock at(long epochMillis) {
        return Clock.fixed(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    private static Path path(String location) {
        return Path.of(URI.create(location.replaceFirst("^file:/+", "file:///")));
    }
}
