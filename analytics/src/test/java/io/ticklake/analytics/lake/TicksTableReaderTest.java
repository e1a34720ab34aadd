package io.ticklake.analytics.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.analytics.testing.FixtureLake;
import io.ticklake.analytics.testing.ModelFixtures;
import io.ticklake.analytics.testing.Tick;
import io.ticklake.analytics.time.TimeRange;
import io.ticklake.lake.LakeUri;
import io.ticklake.lake.S3Settings;
import io.ticklake.lake.table.CatalogSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scan planning of ticklake.ticks in a real SQLite catalog with files written by Iceberg's Parquet writer. */
class TicksTableReaderTest {

    private static final Instant HOUR_14 = Instant.parse("2026-11-20T14:00:00Z");
    private static final Instant HOUR_15 = Instant.parse("2026-11-20T15:00:00Z");

    @TempDir
    Path dir;

    private TicksTableReader reader() {
        return new TicksTableReader(LakeUri.parse(dir.toString()), S3Settings.defaults(), CatalogSettings.defaults());
    }

    @Test
    void aLakeWithoutTheTableHasNoHoursAndIsNoError() {
        assertThat(reader().current()).isEqualTo(TableSnapshot.empty());
        assertThat(reader().current().snapshotId()).isEmpty();
    }

    @Test
    void groupsTheCurrentSnapshotsDataFilesByHour() throws Exception {
        try (FixtureLake lake = new FixtureLake(dir.toString())) {
            List<Tick> ticks = new ArrayList<>(ModelFixtures.hour14());
            ticks.addAll(ModelFixtures.hour15());
            lake.publish(ticks, 2);

            TableSnapshot snapshot = reader().current();

            assertThat(snapshot.snapshotId()).hasValue(lake.table().currentSnapshot().snapshotId());
            assertThat(snapshot.hours()).containsOnlyKeys(HOUR_14, HOUR_15);
            TableHour hour14 = snapshot.hours().get(HOUR_14);
            assertThat(hour14.files()).hasSize(2).allSatisfy(f -> {
                assertThat(f).startsWith(dir.resolve("warehouse/ticklake/ticks/data").toString());
                assertThat(Path.of(f)).exists();
            });
            assertThat(hour14.rowCount()).isEqualTo(ModelFixtures.hour14().size());
            // one tick in hour 15: the second file would be empty and is not written
            assertThat(snapshot.hours().get(HOUR_15).files()).hasSize(1);
            assertThat(reader().current().identities()).as("planning again gives the same identities")
                    .isEqualTo(snapshot.identities());
        }
    }

    @Test
    void aReplacedHourListsOnlyItsNewFilesAndKeepsTheOtherHoursIdentity() throws Exception {
        try (FixtureLake lake = new FixtureLake(dir.toString())) {
            List<Tick> ticks = new ArrayList<>(ModelFixtures.hour14());
            ticks.addAll(ModelFixtures.hour15());
            lake.publish(ticks);
            TableSnapshot before = reader().current();

            List<Tick> late = new ArrayList<>(ModelFixtures.hour14());
            late.add(Tick.of("AAA", "2026-11-20T14:59:00Z", 125.0, 4, 14));
            lake.publishHour(HOUR_14, late, 1);
            TableSnapshot after = reader().current();

            assertThat(after.snapshotId()).isNotEqualTo(before.snapshotId());
            String oldFile = before.hours().get(HOUR_14).files().get(0);
            assertThat(Path.of(oldFile)).as("the replaced file stays until snapshots expire").exists();
            assertThat(after.hours().get(HOUR_14).files()).doesNotContain(oldFile).hasSize(1);
            assertThat(after.hours().get(HOUR_14).rowCount()).isEqualTo(late.size());
            assertThat(after.hours().get(HOUR_14).identity()).isNotEqualTo(before.hours().get(HOUR_14).identity());
            assertThat(after.hours().get(HOUR_15)).isEqualTo(before.hours().get(HOUR_15));
        }
    }

    @Test
    void planningOneRangeListsOnlyItsHours() throws Exception {
        try (FixtureLake lake = new FixtureLake(dir.toString())) {
            List<Tick> ticks = new ArrayList<>(ModelFixtures.day19());
            ticks.addAll(ModelFixtures.hour14());
            ticks.addAll(ModelFixtures.hour15());
            lake.publish(ticks);

            TableSnapshot planned = reader().plan(Optional.of(new TimeRange(HOUR_15, HOUR_15.plusSeconds(3600))));

            assertThat(planned.hours()).containsOnlyKeys(HOUR_15);
            assertThat(planned.hours().get(HOUR_15)).isEqualTo(reader().current().hours().get(HOUR_15));
        }
    }

    @Test
    void anEmptiedHourDisappears() throws Exception {
        try (FixtureLake lake = new FixtureLake(dir.toString())) {
            lake.publish(ModelFixtures.hour14());
            lake.publishHour(HOUR_14, List.of(), 1);

            TableSnapshot snapshot = reader().current();

            assertThat(snapshot.snapshotId()).isPresent();
            assertThat(snapshot.hours()).isEmpty();
        }
    }

    @Test
    void turnsIcebergLocationsIntoDuckDbPaths() {
        assertThat(DuckDbLocations.of("file:/tmp/l/a.parquet")).isEqualTo("/tmp/l/a.parquet");
        assertThat(DuckDbLocations.of("file:///tmp/l/a.parquet")).isEqualTo("/tmp/l/a.parquet");
        assertThat(DuckDbLocations.of("s3a://b/w/a.parquet")).isEqualTo("s3://b/w/a.parquet");
        assertThat(DuckDbLocations.of("s3://b/w/a.parquet")).isEqualTo("s3://b/w/a.parquet");
        assertThat(Files.exists(Path.of(DuckDbLocations.of(dir.toUri().toString())))).isTrue();
    }
}
