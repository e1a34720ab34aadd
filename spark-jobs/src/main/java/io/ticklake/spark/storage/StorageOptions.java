package io.ticklake.spark.storage;

import io.ticklake.lake.S3Settings;
import io.ticklake.spark.options.JobOption;
import io.ticklake.spark.options.JobOptions;
import io.ticklake.spark.options.Parsers;
import java.util.List;

/** The object-store options every job shares; the same names as the other TickLake components use. */
public final class StorageOptions {

    public static final JobOption<String> S3_ENDPOINT = JobOption.optional("s3-endpoint", Parsers::uri,
            "S3 endpoint URL, e.g. http://127.0.0.1:9000 for MinIO; empty for AWS");
    public static final JobOption<String> S3_ACCESS_KEY = JobOption.optional("s3-access-key", Parsers::text,
            "S3 access key; empty for the default AWS credential chain");
    public static final JobOption<String> S3_SECRET_KEY = JobOption.optional("s3-secret-key", Parsers::text,
            "S3 secret key");
    public static final JobOption<String> S3_REGION = JobOption.withDefault("s3-region", "us-east-1", Parsers::text,
            "S3 region");
    public static final JobOption<Boolean> S3_PATH_STYLE = JobOption.withDefault("s3-path-style", "true",
            Parsers::bool, "path-style S3 requests (MinIO needs them)");

    public static final List<JobOption<?>> ALL = List.of(S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY, S3_REGION,
            S3_PATH_STYLE);

    private StorageOptions() {
    }

    public static S3Settings settings(JobOptions options) {
        return new S3Settings(options.find(S3_ENDPOINT).orElse(null), options.find(S3_ACCESS_KEY).orElse(null),
                options.find(S3_SECRET_KEY).orElse(null), options.get(S3_REGION), options.get(S3_PATH_STYLE));
    }
}
