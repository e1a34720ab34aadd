package io.ticklake.spark.storage;

import java.io.Serializable;

/**
 * How to reach the object store of an {@code s3a://} or {@code s3://} lake. Every value is optional:
 * without an endpoint S3A talks to AWS, without keys it uses its default credential chain
 * (environment, profile, instance role).
 *
 * @param endpoint  e.g. {@code http://127.0.0.1:9000} for MinIO
 * @param pathStyle path-style requests ({@code http://host/bucket/key}), which MinIO needs
 */
public record S3Settings(String endpoint, String accessKey, String secretKey, String region, boolean pathStyle)
        implements Serializable {

    /** No explicit settings: AWS defaults. */
    public static S3Settings defaults() {
        return new S3Settings(null, null, null, null, true);
    }

    @Override
    public String toString() {
        // never print the secret
        return "S3Settings[endpoint=" + endpoint + ", accessKey=" + accessKey + ", region=" + region
                + ", pathStyle=" + pathStyle + "]";
    }
}
