package io.ticklake.spark.storage;

import io.ticklake.lake.S3Settings;
import java.net.URI;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;

/**
 * Points Hadoop's file systems at the lake: {@code file://} needs nothing; {@code s3a://} and {@code s3://}
 * use S3A with the settings applied per bucket ({@code fs.s3a.bucket.<bucket>.*}), so jobs for different
 * stores can share one Spark session.
 */
public final class LakeStorage {

    private LakeStorage() {
    }

    /** Applies the settings for every location the job touches (lake, checkpoint). */
    public static void configure(Configuration conf, S3Settings s3, String... locations) {
        for (String location : locations) {
            if (location == null) {
                continue;
            }
            URI uri = URI.create(location);
            String scheme = uri.getScheme() == null ? "file" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("s3") || scheme.equals("s3a")) {
                configureBucket(conf, uri.getHost(), s3);
                if (scheme.equals("s3")) {
                    // s3:// is the name users and DuckDB know; S3A serves it
                    conf.setIfUnset("fs.s3.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
                }
            }
        }
    }

    private static void configureBucket(Configuration conf, String bucket, S3Settings s3) {
        if (bucket == null || bucket.isEmpty()) {
            throw new IllegalArgumentException("An S3 location needs a bucket, e.g. s3a://lake-bucket/prefix");
        }
        String prefix = "fs.s3a.bucket." + bucket + ".";
        if (s3.endpoint() != null) {
            conf.set(prefix + "endpoint", s3.endpoint());
            conf.setBoolean(prefix + "connection.ssl.enabled", s3.endpoint().toLowerCase(Locale.ROOT).startsWith("https"));
        }
        if (s3.region() != null) {
            conf.set(prefix + "endpoint.region", s3.region());
        }
        conf.setBoolean(prefix + "path.style.access", s3.pathStyle());
        if (s3.accessKey() != null && s3.secretKey() != null) {
            conf.set(prefix + "access.key", s3.accessKey());
            conf.set(prefix + "secret.key", s3.secretKey());
            conf.set(prefix + "aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        }
    }
}
