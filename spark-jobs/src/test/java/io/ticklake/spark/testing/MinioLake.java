package io.ticklake.spark.testing;

import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.lake.S3Settings;
import io.ticklake.lake.table.CatalogSettings;
import io.ticklake.spark.storage.LakeStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;

/**
 * A fresh lake under a unique prefix of the platform's MinIO bucket with its own SQLite catalog file, and
 * the options and environment (the credentials) that reach both.
 */
public record MinioLake(String lake, Map<String, String> options, Map<String, String> environment,
                        Configuration conf, S3Settings s3, CatalogSettings catalog) {

    public static MinioLake create(TestPlatform platform, Configuration base) {
        io.ticklake.infra.testing.S3Settings minio = platform.minio();
        String lake = "s3a://" + minio.bucket() + "/lake-" + UUID.randomUUID();
        Path catalogFile;
        try {
            catalogFile = Files.createTempDirectory("ticklake-catalog").resolve("iceberg.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CatalogSettings catalog = CatalogSettings.sqlite(catalogFile);
        Map<String, String> options = Map.of("lake", lake, "s3-endpoint", minio.endpoint(),
                "s3-region", minio.region(), "s3-path-style", "true", "catalog-uri", catalog.uri());
        Map<String, String> environment = Map.of(S3Settings.ACCESS_KEY_VARIABLE, minio.accessKey(),
                S3Settings.SECRET_KEY_VARIABLE, minio.secretKey());
        S3Settings s3 = new S3Settings(minio.endpoint(), minio.accessKey(), minio.secretKey(), minio.region(), true);
        Configuration conf = new Configuration(base);
        LakeStorage.configure(conf, s3, lake);
        return new MinioLake(lake, options, environment, conf, s3, catalog);
    }

    /** The options of a job that writes only the raw layer (the backfill): the lake and S3, no catalog. */
    public Map<String, String> rawOptions() {
        Map<String, String> raw = new java.util.HashMap<>(options);
        raw.keySet().removeIf(key -> key.startsWith("catalog"));
        return raw;
    }

    /** The lake's table through the same catalog the jobs use. */
    public LakeTable table(org.apache.spark.sql.SparkSession spark) {
        return new LakeTable(spark, lake, s3, catalog);
    }
}
