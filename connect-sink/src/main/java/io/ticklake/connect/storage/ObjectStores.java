package io.ticklake.connect.storage;

import io.ticklake.connect.config.TickLakeSinkConfig;
import java.net.URI;
import java.nio.file.Path;
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
        if (lake.isLocal()) {
            return new LocalFileStore(Path.of(lake.root()));
        }
        return new S3ObjectStore(s3Client(config), lake, config.s3PartSize(), config.s3Endpoint());
    }

    static S3Client s3Client(TickLakeSinkConfig config) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(config.s3Region()))
                .forcePathStyle(config.s3PathStyleAccess())
                .credentialsProvider(credentials(config))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)))
                // the SDK retries a few times itself; beyond that the task's own backoff takes over
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofMinutes(5))
                        .build());
        if (!config.s3Endpoint().isEmpty()) {
            builder.endpointOverride(URI.create(config.s3Endpoint()));
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(TickLakeSinkConfig config) {
        String accessKey = config.s3AccessKey().value();
        String secretKey = config.s3SecretKey().value();
        if (accessKey.isEmpty() && secretKey.isEmpty()) {
            return DefaultCredentialsProvider.create();
        }
        if (accessKey.isEmpty() || secretKey.isEmpty()) {
            throw new org.apache.kafka.common.config.ConfigException(accessKey.isEmpty()
                    ? TickLakeSinkConfig.S3_ACCESS_KEY : TickLakeSinkConfig.S3_SECRET_KEY, "[hidden]",
                    "set both s3.access.key and s3.secret.key, or neither for the AWS default chain");
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }
}
