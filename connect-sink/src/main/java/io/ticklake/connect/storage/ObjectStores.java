package io.ticklake.connect.storage;

import io.ticklake.connect.config.TickLakeSinkConfig;
import io.ticklake.lake.LakeUri;
import io.ticklake.lake.S3Settings;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Opens the store a configuration names: local directory for {@code file://}, S3 for {@code s3://}/{@code s3a://}. */
public final class ObjectStores {

    private ObjectStores() {
    }

    public static ObjectStore open(TickLakeSinkConfig config) {
        LakeUri lake = config.lakeUri();
        if (!lake.isS3()) {
            return new LocalFileStore(lake.localPath());
        }
        S3Settings s3 = config.s3Settings();
        return new S3ObjectStore(s3Client(s3), lake, config.s3PartSize(), s3.endpointOption().orElse(""));
    }

    static S3Client s3Client(S3Settings s3) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                .credentialsProvider(credentials(s3))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)))
                // the SDK retries a few times itself; beyond that the task's own backoff takes over
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofMinutes(5))
                        .build());
        s3.endpointOption().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings s3) {
        if (s3.accessKey() == null) {
            return DefaultCredentialsProvider.create();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
    }
}
