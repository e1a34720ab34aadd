package io.ticklake.infra.testing;

/**
 * How to reach the platform's MinIO with any S3 client: path-style addressing at
 * {@link #endpoint()}, static credentials, one bucket that already exists.
 *
 * @param endpoint  e.g. {@code http://127.0.0.1:41234}
 * @param accessKey the access key id
 * @param secretKey the secret access key
 * @param bucket    the lake bucket, created before the settings are handed out
 * @param region    the signing region MinIO expects
 */
public record S3Settings(String endpoint, String accessKey, String secretKey, String bucket, String region) {

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", accessKey=" + accessKey + ", bucket=" + bucket + ", region=" + region + "]";
    }
}
