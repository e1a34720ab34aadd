package io.ticklake.spark.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.lake.S3Settings;
import io.ticklake.spark.compaction.CompactionOptions;
import io.ticklake.spark.options.InvalidOptionException;
import io.ticklake.spark.options.JobOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageOptionsTest {

    @Test
    void credentialsComeFromTheEnvironmentAndTheRestFromTheOptions() {
        JobOptions options = JobOptions.parse("compact", CompactionOptions.ALL, List.of(),
                Map.of("lake", "s3a://lake", "catalog-uri", "jdbc:sqlite:/tmp/c.db", "s3-endpoint", "http://minio:9000"));

        S3Settings settings = StorageOptions.settings(options, Map.of("TICKLAKE_S3_ACCESS_KEY", "ak",
                "TICKLAKE_S3_SECRET_KEY", "sk"));

        assertThat(settings).isEqualTo(new S3Settings("http://minio:9000", "ak", "sk", "us-east-1", true));
        assertThat(StorageOptions.settings(options, Map.of()).secretKey()).isNull();
    }

    @Test
    void aCredentialOptionIsRefusedWithoutEchoingItsValue() {
        for (String key : List.of("s3-access-key", "s3-secret-key")) {
            assertThatThrownBy(() -> JobOptions.parse("compact", CompactionOptions.ALL, List.of(),
                    Map.of("lake", "s3a://lake", key, "hunter2-secret")))
                    .isInstanceOf(InvalidOptionException.class)
                    .hasMessageContaining("'" + key + "'").hasMessageNotContaining("hunter2-secret");
        }
    }

    @Test
    void halfTheCredentialsInTheEnvironmentIsAnOptionError() {
        JobOptions options = JobOptions.parse("compact", CompactionOptions.ALL, List.of(), Map.of("lake", "s3a://lake"));

        assertThatThrownBy(() -> StorageOptions.settings(options, Map.of("TICKLAKE_S3_SECRET_KEY", "sk")))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("TICKLAKE_S3_ACCESS_KEY");
    }

    @Test
    void endpointRegionAndPathStyleFallBackToTheVariablesTheLauncherAndAnalyticsUse() {
        JobOptions options = JobOptions.parse("compact", CompactionOptions.ALL, List.of(),
                Map.of("lake", "s3a://lake", "s3-region", "eu-west-1"));
        Map<String, String> environment = Map.of("TICKLAKE_S3_ENDPOINT", "http://127.0.0.1:9000",
                "TICKLAKE_S3_REGION", "us-east-2", "TICKLAKE_S3_PATH_STYLE", "false");

        S3Settings settings = StorageOptions.settings(options, environment);

        assertThat(settings.endpoint()).isEqualTo("http://127.0.0.1:9000");
        assertThat(settings.region()).as("an option wins").isEqualTo("eu-west-1");
        assertThat(settings.pathStyle()).isFalse();
        assertThatThrownBy(() -> StorageOptions.settings(options, Map.of("TICKLAKE_S3_PATH_STYLE", "maybe")))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("s3-path-style");
        S3Settings defaults = StorageOptions.settings(JobOptions.parse("compact", CompactionOptions.ALL, List.of(),
                Map.of("lake", "s3a://lake")), Map.of());
        assertThat(defaults.region()).isEqualTo("us-east-1");
        assertThat(defaults.pathStyle()).isTrue();
    }
}
