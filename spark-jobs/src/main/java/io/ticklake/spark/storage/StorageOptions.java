package io.ticklake.spark.storage;

import io.ticklake.lake.S3Settings;
import io.ticklake.spark.options.InvalidOptionException;
import io.ticklake.spark.options.JobOption;
import io.ticklake.spark.options.JobOptions;
import io.ticklake.spark.options.Parsers;
import java.util.List;
import java.util.Map;

/**
 * The object-store options every job shares; the same names as the other TickLake components use. The
 * credentials are not options: they come from the job's environment ({@link S3Settings#withCredentialsFrom}).
 */
public final class StorageOptions {

    public static final JobOption<String> S3_ENDPOINT = JobOption.optional("s3-endpoint", Parsers::uri,
            "S3 endpoint URL, e.g. http://127.0.0.1:9000 for MinIO; empty for AWS");
    public static final JobOption<String> S3_REGION = JobOption.withDefault("s3-region", "us-east-1", Parsers::text,
            "S3 region");
    public static final JobOption<Boolean> S3_PATH_STYLE = JobOption.withDefault("s3-path-style", "true",
            Parsers::bool, "path-style S3 requests (MinIO needs them)");

    public static final List<JobOption<?>> ALL = List.of(S3_ENDPOINT, S3_REGION, S3_PATH_STYLE);

    private StorageOptions() {
    }

    /**
     * The options' settings with the credentials of {@code environment}.
     *
     * @throws InvalidOptionException when the environment holds only one of the two keys
     */
    public static S3Settings settings(JobOptions options, Map<String, String> environment) {
        S3Settings settings = new S3Settings(options.find(S3_ENDPOINT).orElse(null), null, null,
                options.get(S3_REGION), options.get(S3_PATH_STYLE));
        try {
            return settings.withCredentialsFrom(environment);
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException(S3Settings.SECRET_KEY_VARIABLE, e.getMessage());
        }
    }
}
