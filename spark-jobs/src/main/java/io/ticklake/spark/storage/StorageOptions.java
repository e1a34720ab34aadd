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
            "S3 endpoint URL, e.g. http://127.0.0.1:9000 for MinIO; empty for AWS; env TICKLAKE_S3_ENDPOINT");
    public static final JobOption<String> S3_REGION = JobOption.optional("s3-region", Parsers::text,
            "S3 region; env TICKLAKE_S3_REGION; default us-east-1");
    public static final JobOption<Boolean> S3_PATH_STYLE = JobOption.optional("s3-path-style", Parsers::bool,
            "path-style S3 requests (MinIO needs them); env TICKLAKE_S3_PATH_STYLE; default true");

    public static final List<JobOption<?>> ALL = List.of(S3_ENDPOINT, S3_REGION, S3_PATH_STYLE);

    private StorageOptions() {
    }

    /**
     * The options' settings (each falling back to its {@code TICKLAKE_S3_*} variable, as analytics and
     * the launcher use them) with the credentials of {@code environment}.
     *
     * @throws InvalidOptionException when the environment holds only one of the two keys
     */
    public static S3Settings settings(JobOptions options, Map<String, String> environment) {
        S3Settings settings = new S3Settings(options.findOrEnvironment(S3_ENDPOINT, environment).orElse(null), null,
                null, options.findOrEnvironment(S3_REGION, environment).orElse("us-east-1"),
                options.findOrEnvironment(S3_PATH_STYLE, environment).orElse(true));
        try {
            return settings.withCredentialsFrom(environment);
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException(S3Settings.SECRET_KEY_VARIABLE, e.getMessage());
        }
    }
}
