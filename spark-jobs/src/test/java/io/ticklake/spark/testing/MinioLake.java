package io.ticklake.spark.testing;

import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.spark.storage.LakeStorage;
import io.ticklake.spark.storage.S3Settings;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;

/** A fresh lake under a unique prefix of the platform's MinIO bucket, and the options that reach it. */
public record MinioLake(String lake, Map<String, String> options, Configuration conf) {

    public static MinioLake create(TestPlatform platform, Configuration base) {
        io.ticklake.infra.testing.S3Settings minio = platform.minio();
        String lake = "s3a://" + minio.bucket() + "/lake-" + UUID.randomUUID();
        Map<String, String> options = Map.of("lake", lake, "s3-endpoint", minio.endpoint(),
                "s3-access-key", minio.accessKey(), "s3-secret-key", minio.secretKey(), "s3-region", minio.region(),
                "s3-path-style", "true");
        Configuration conf = new Configuration(base);
        LakeStorage.configure(conf, new S3Settings(minio.endpoint(), minio.accessKey(), minio.secretKey(),
                minio.region(), true), lake);
        return new MinioLake(lake, options, conf);
    }
}
