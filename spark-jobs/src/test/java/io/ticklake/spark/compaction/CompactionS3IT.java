package io.ticklake.spark.compaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.lake.Manifest;
import io.ticklake.spark.lake.ManifestReader;
import io.ticklake.spark.parquet.RawTickSchema;
import io.ticklake.spark.storage.LakeFiles;
import io.ticklake.spark.testing.MinioLake;
import io.ticklake.spark.testing.ParquetRows;
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
    void compactsAnHourOnMinioAndPublishesItWithTheManifest(TestPlatform platform) throws Exception {
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
        LakeFiles files = new LakeFiles(minio.conf());
        ManifestReader reader = ManifestReader.of(minio.lake(), files::open);
        Manifest manifest = reader.manifest(HOUR).orElseThrow();
        assertThat(manifest.rowCount()).isEqualTo(550);
        List<URI> current = reader.currentFiles(HOUR);
        assertThat(current).allSatisfy(uri -> assertThat(uri.toString()).startsWith(minio.lake() + "/compacted/"));
        List<Tick> rows = ParquetRows.readAll(current, minio.conf());
        assertThat(rows.stream().map(Tick::coordinate).distinct().count()).isEqualTo(550);
        assertThat(RawTickSchema.mismatch(ParquetRows.footer(current.get(0), minio.conf()).getFileMetaData()
                .getSchema())).isNull();

        assertThat(compaction(spark, minio).execute().hours().get(0).status()).isEqualTo(HourStatus.UNCHANGED);

        // late data, and a run that stops right before the PUT of the manifest: readers keep version 1
        raw.sinkFile(HOUR, TOPIC, 4, 0, 25);
        assertThatThrownBy(() -> compaction(spark, minio).listener((step, hour, version) -> {
            if (step == CompactionStep.BEFORE_PUBLISH) {
                throw new IllegalStateException("stopped before publishing");
            }
        }).execute()).hasMessageContaining("stopped before publishing");
        assertThat(reader.manifest(HOUR).orElseThrow()).isEqualTo(manifest);

        HourCompactionResult completed = compaction(spark, minio).execute().hours().get(0);
        assertThat(completed.status()).isEqualTo(HourStatus.PUBLISHED);
        assertThat(completed.version()).isEqualTo(3);
        assertThat(ParquetRows.readAll(reader.currentFiles(HOUR), minio.conf())).hasSize(575);
    }

    private static Compaction compaction(SparkSession spark, MinioLake minio) {
        return Compaction.in(spark).options(minio.options()).option("hour", HOUR.toString());
    }
}
