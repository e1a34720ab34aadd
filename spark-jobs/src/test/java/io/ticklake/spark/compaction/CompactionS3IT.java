package io.ticklake.spark.compaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.testing.MinioLake;
import io.ticklake.spark.testing.LakeTable;
import org.apache.iceberg.DataFile;
import io.ticklake.spark.testing.RawFiles;
import io.ticklake.spark.testing.TestSpark;
import io.ticklake.spark.testing.Tick;
import java.net.URI;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Compaction on real MinIO through s3a://: publish by one PUT, no-op rerun, interrupted publish. */
@ExtendWith(LocalPlatformExtension.class)
class CompactionS3IT {

    private static final HourPartition HOUR = HourPartition.parse("2026-11-20T11");
    private static final String TOPIC = "stock-ticks";

    @Test
    void compactsAnHourOnMinioIntoTheTable(TestPlatform platform) throws Exception {
        SparkSession spark = TestSpark.session();
        MinioLake minio = MinioLake.create(platform, spark.sparkContext().hadoopConfiguration());
        RawFiles raw = new RawFiles(minio.lake(), minio.conf());
        raw.sinkFile(HOUR, TOPIC, 0, 0, 400);
        raw.sinkFile(HOUR, TOPIC, 3, 0, 100);
        raw.backfillFile(HOUR, TOPIC, 0, 300, 450);          // 100 duplicates, 50 new

        HourCompactionResult first = compaction(spark, minio).execute().hours().get(0);

        assertThat(first.status()).isEqualTo(HourStatus.PUBLISHED);
        assertThat(first.rowsIn()).isEqualTo(650);
        assertThat(first.duplicatesDropped()).isEqualTo(100);
        try (LakeTable table = minio.table(spark)) {
            List<DataFile> current = table.files(HOUR);
            assertThat(current).allSatisfy(f -> assertThat(f.location())
                    .startsWith(minio.lake().replace("s3a://", "s3://") + "/warehouse/ticklake/ticks/data/"));
            List<Tick> rows = table.rows(HOUR);
            assertThat(rows).hasSize(550);
            assertThat(rows.stream().map(Tick::coordinate).distinct().count()).isEqualTo(550);

            assertThat(compaction(spark, minio).execute().hours().get(0).status()).isEqualTo(HourStatus.UNCHANGED);

            // late data, and a run that stops after writing, right before the commit: readers keep the hour
            raw.sinkFile(HOUR, TOPIC, 4, 0, 25);
            assertThatThrownBy(() -> compaction(spark, minio).listener((step, hours, attempt) -> {
                if (step == CompactionStep.AFTER_WRITE) {
                    throw new IllegalStateException("stopped before committing");
                }
            }).execute()).hasMessageContaining("stopped before committing");
            assertThat(table.files(HOUR)).extracting(DataFile::location)
                    .containsExactlyInAnyOrderElementsOf(current.stream().map(DataFile::location).toList());
            assertThat(table.snapshots()).hasSize(1);

            HourCompactionResult completed = compaction(spark, minio).execute().hours().get(0);
            assertThat(completed.status()).isEqualTo(HourStatus.PUBLISHED);
            assertThat(table.rows(HOUR)).hasSize(575);
        }
    }

    private static Compaction compaction(SparkSession spark, MinioLake minio) {
        return Compaction.in(spark).options(minio.options()).environment(minio.environment()).option("hour", HOUR.toString());
    }
}
