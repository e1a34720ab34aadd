package io.ticklake.connect.it;

import io.ticklake.connect.testing.LakeRows;
import io.ticklake.infra.testing.S3Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Reads what the sink wrote under one prefix of the MinIO bucket: object names, ETags and rows. */
final class LakeBucket implements AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    LakeBucket(S3Settings settings, String prefix) {
        this.s3 = S3Client.builder().endpointOverride(URI.create(settings.endpoint()))
                .region(Region.of(settings.region())).forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .build();
        this.bucket = settings.bucket();
        this.prefix = prefix;
    }

    /** Relative key (below the prefix) to ETag of every raw Parquet file. */
    Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix + "/raw/")).contents()) {
            if (object.key().endsWith(".parquet")) {
                files.put(object.key().substring(prefix.length() + 1), object.eTag());
            }
        }
        return files;
    }

    /** Downloads every raw file into {@code dir} and reads all rows back with DuckDB. */
    List<LakeRows.Row> rows(Path dir) {
        clear(dir);
        for (String key : files().keySet()) {
            Path file = dir.resolve(key);
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            s3.getObject(b -> b.bucket(bucket).key(prefix + "/" + key), ResponseTransformer.toFile(file));
        }
        return LakeRows.read(dir);
    }

    /** Incomplete multipart uploads of one key (MinIO lists uploads by exact key, not by prefix). */
    int incompleteUploads(String key) {
        return (int) s3.listMultipartUploads(b -> b.bucket(bucket).prefix(key)).uploads().stream()
                .filter(upload -> upload.key().equals(key)).count();
    }

    /** Incomplete multipart uploads of any raw file now in the lake. */
    int incompleteUploadsOfFiles() {
        int total = 0;
        for (String key : files().keySet()) {
            total += incompleteUploads(prefix + "/" + key);
        }
        return total;
    }

    /** Starts a multipart upload and leaves it, as a killed writer would. */
    void startUpload(String key) {
        s3.createMultipartUpload(b -> b.bucket(bucket).key(key));
    }

    private static void clear(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
