package io.ticklake.analytics.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ticklake.analytics.AnalyticsConfig;
import io.ticklake.analytics.ConfigKey;
import io.ticklake.analytics.duckdb.DuckDbSession;
import io.ticklake.analytics.run.AnalyticsRunner;
import io.ticklake.analytics.run.BuildScope;
import io.ticklake.analytics.run.RunListener;
import io.ticklake.analytics.run.RunResult;
import io.ticklake.analytics.testing.FixtureLake;
import io.ticklake.analytics.testing.HttpfsInstall;
import io.ticklake.analytics.testing.ModelFixtures;
import io.ticklake.analytics.testing.ModelOutput;
import io.ticklake.analytics.testing.Tick;
import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The models over a lake on the platform's real MinIO: the table's metadata through Iceberg's S3FileIO, its
 * data files and the model files through DuckDB's httpfs.
 */
@ExtendWith(LocalPlatformExtension.class)
class S3LakeIT {

    @Test
    void buildsAndIncrementallyRebuildsModelsOnMinio(TestPlatform platform, @TempDir Path catalogDir) throws Exception {
        Path extensions = HttpfsInstall.ensure();
        io.ticklake.infra.testing.S3Settings minio = platform.minio();
        String lake = "s3://" + minio.bucket() + "/analytics-it-" + UUID.randomUUID();
        Map<String, String> options = new HashMap<>();
        options.put(ConfigKey.LAKE.option(), lake.replace("s3://", "s3a://"));
        options.put(ConfigKey.S3_ENDPOINT.option(), minio.endpoint());
        options.put(ConfigKey.S3_REGION.option(), minio.region());
        options.put(ConfigKey.EXTENSION_DIR.option(), extensions.toString());
        // an S3 lake names its catalog: here the embedded SQLite file, on the local disk
        options.put(ConfigKey.CATALOG_URI.option(), "jdbc:sqlite:" + catalogDir.resolve("iceberg.db"));
        // credentials from the environment, as the README recommends
        Map<String, String> env = Map.of("TICKLAKE_S3_ACCESS_KEY", minio.accessKey(),
                "TICKLAKE_S3_SECRET_KEY", minio.secretKey());
        AnalyticsConfig config = AnalyticsConfig.from(options, env);

        try (DuckDbSession session = DuckDbSession.open(config.duckDb()); FixtureLake fixture = new FixtureLake(config)) {
            LakeAccess.configure(session, config.lake(), config.s3(), extensions);
            List<Tick> ticks = new ArrayList<>(ModelFixtures.day19());
            ticks.addAll(ModelFixtures.hour14());
            fixture.publish(ticks);

            RunResult full = AnalyticsRunner.create(config, RunListener.NONE).run(BuildScope.full());
            assertThat(full.model("stg_ticks").rows()).isEqualTo(ticks.size());

            // the table's files are Iceberg's, under the lake's warehouse on MinIO
            assertThat(fixture.table().location()).isEqualTo(lake + "/warehouse/ticklake/ticks");

            // hour 15 arrives: the changed run rebuilds it, the moving averages after it and the day's summary
            fixture.publish(ModelFixtures.hour15());
            RunResult hour = AnalyticsRunner.create(config, RunListener.NONE).run(BuildScope.changed());
            assertThat(hour.changed()).extracting(Object::toString)
                    .containsExactly("[2026-11-20T15:00:00Z, 2026-11-20T16:00:00Z)");
            assertThat(hour.model("stg_ticks").rows()).isEqualTo(1);
            assertThat(hour.model("daily_summary").partitions()).isEqualTo(1);

            List<Map<String, Object>> aaa = ModelOutput.query(session.connection(), "SELECT * FROM read_parquet('"
                    + lake + "/models/daily_summary/year=*/month=*/day=*/part-*.parquet', hive_partitioning = false)"
                    + " WHERE symbol = 'AAA' ORDER BY day");
            assertThat(aaa).extracting(r -> r.get("day")).containsExactly("2026-11-19", "2026-11-20");
            assertThat((Double) aaa.get(1).get("close")).isEqualTo(130.0);
            assertThat((Double) aaa.get(1).get("change_pct")).isCloseTo(30.0, within(1e-9));

            List<Map<String, Object>> ma = ModelOutput.query(session.connection(), "SELECT ma_1h FROM read_parquet('"
                    + lake + "/models/moving_averages/year=*/month=*/day=*/part-*.parquet', hive_partitioning = false)"
                    + " WHERE symbol = 'AAA' AND window_start = TIMESTAMPTZ '2026-11-20 15:10:00+00'");
            assertThat((Double) ma.get(0).get("ma_1h")).isCloseTo(125.0, within(1e-9));
            // one file per day and model, and no temporary objects left behind; the record of built hours beside them
            assertThat(ModelOutput.query(session.connection(), "SELECT count(*) AS n FROM read_parquet('" + lake
                    + "/models/_state/built_hours.parquet')")).singleElement().satisfies(r -> assertThat(r).containsEntry("n", 5L));
            List<Map<String, Object>> objects = ModelOutput.query(session.connection(),
                    "SELECT file FROM glob('" + lake + "/models/*/*/*/*/*')");
            assertThat(objects).extracting(r -> (String) r.get("file")).allMatch(f -> f.endsWith("/part-00000.parquet"));
        }
    }
}
