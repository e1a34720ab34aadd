package io.ticklake.e2e.lake;

import io.ticklake.infra.testing.S3Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A lake on S3 (the platform's MinIO) seen with the AWS SDK: its raw objects counted, and copied into a
 * local directory with the same layout so that {@link LakeReader} reads them with DuckDB.
 */
public final class S3Lake implements AutoCloseable {

    public static final String RAW_PREFIX = "raw/stock_ticks/";

    private final S3Settings settings;
    private final S3Client s3;

    public S3Lake(S3Settings settings) {
        this.settings = settings;
        this.s3 = S3Client.builder().endpointOverride(URI.create(settings.endpoint()))
                .region(Region.of(settings.region())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(10)).build())
                .build();
    }

    /** {@code s3a://<bucket>}, the lake URI of the sink. */
    public String uri() {
        return "s3a://" + settings.bucket();
    }

    /** The raw Parquet objects' keys. */
    public List<String> rawKeys() {
        return s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(settings.bucket()).prefix(RAW_PREFIX)
                .build()).contents().stream().map(S3Object::key).filter(key -> key.endsWith(".parquet")).toList();
    }

    /** Copies every raw object to {@code lakeDir}/{@code <key>} (a fresh directory: a LakeReader's lake). */
    public void mirrorRaw(Path lakeDir) {
        for (String key : rawKeys()) {
            Path local = lakeDir.resolve(key);
            try {
                Files.createDirectories(local.getParent());
                Files.write(local, s3.getObjectAsBytes(r -> r.bucket(settings.bucket()).key(key)).asByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy s3://" + settings.bucket() + "/" + key, e);
            }
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
