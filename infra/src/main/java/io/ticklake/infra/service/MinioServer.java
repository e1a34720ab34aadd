package io.ticklake.infra.service;

import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.http.Http;
import io.ticklake.infra.runtime.MinioInstaller;
import io.ticklake.infra.s3.S3Buckets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A single-drive MinIO server, built from source into the cache on first use, with the lake's
 * bucket created after every start.
 */
public final class MinioServer extends ProcessService {

    public static final String NAME = "minio";

    private static final String API = "s3";
    private static final String CONSOLE = "console";
    private static final Duration BUCKET_TIMEOUT = Duration.ofSeconds(30);

    public MinioServer(PlatformConfig config) {
        super(NAME, config, List.of(
                new ServicePort(API, config.minioPort(), "TICKLAKE_MINIO_PORT"),
                new ServicePort(CONSOLE, config.minioConsolePort(), "TICKLAKE_MINIO_CONSOLE_PORT")));
    }

    /** The S3 endpoint, e.g. {@code http://127.0.0.1:9000} (path-style addressing). */
    public String endpoint() {
        return "http://" + PlatformConfig.HOST + ":" + port(API);
    }

    @Override
    protected void prepare() {
        MinioInstaller.ensureInstalled(config.cacheDir());
        try {
            Files.createDirectories(serviceDir().resolve("data"));
            Files.createDirectories(serviceDir().resolve("certs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create MinIO's directories under " + serviceDir(), e);
        }
    }

    @Override
    protected List<String> command() {
        return List.of(MinioInstaller.binary(config.cacheDir()).toString(), "server",
                "--address", PlatformConfig.HOST + ":" + port(API),
                "--console-address", PlatformConfig.HOST + ":" + port(CONSOLE),
                // keeps MinIO from reading or writing ~/.minio
                "--certs-dir", serviceDir().resolve("certs").toString(),
                serviceDir().resolve("data").toString());
    }

    @Override
    protected Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MINIO_ROOT_USER", config.accessKey());
        env.put("MINIO_ROOT_PASSWORD", config.secretKey());
        env.put("MINIO_SITE_REGION", config.region());
        env.put("MINIO_UPDATE", "off");
        // a soft bound, like the JVMs' -Xmx: MinIO sizes its buffers from the machine's memory otherwise
        env.put("GOMEMLIMIT", "512MiB");
        return env;
    }

    @Override
    protected boolean probeHealth() {
        return Http.DEFAULT.isOk(endpoint() + "/minio/health/ready");
    }

    /** Creates the bucket, retrying while MinIO still answers 503 (it reports ready a moment before it is). */
    @Override
    protected void afterHealthy() {
        S3Buckets buckets = new S3Buckets(endpoint(), config.accessKey(), config.secretKey(), config.region());
        Instant deadline = Instant.now().plus(BUCKET_TIMEOUT);
        while (true) {
            try {
                buckets.ensureExists(config.bucket());
                return;
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new ServiceStartException(NAME, "cannot create bucket " + config.bucket() + ": " + e.getMessage(), e);
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceStartException(NAME, "interrupted while creating bucket " + config.bucket(), e);
            }
        }
    }

    @Override
    protected List<Endpoint> describeEndpoints() {
        return List.of(
                new Endpoint("S3 endpoint", endpoint()),
                new Endpoint("bucket", config.bucket()),
                new Endpoint("access key", config.accessKey()),
                new Endpoint("web console", "http://" + PlatformConfig.HOST + ":" + port(CONSOLE)));
    }
}
