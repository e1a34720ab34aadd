package io.ticklake.infra.s3;

import java.io.IOException;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** Checks for and creates a bucket on an S3 endpoint (MinIO or S3) with path-style requests. */
public final class S3Buckets {

    private final String endpoint;
    private final String accessKey;
    private final String secretKey;
    private final String region;

    /** @param endpoint e.g. {@code http://127.0.0.1:9000}, without a trailing slash */
    public S3Buckets(String endpoint, String accessKey, String secretKey, String region) {
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
    }

    /** Creates {@code bucket} unless it exists. Returns true when it was created now. */
    public boolean ensureExists(String bucket) throws IOException {
        try (S3Client client = client()) {
            if (exists(client, bucket)) {
                return false;
            }
            client.createBucket(request -> request.bucket(bucket));
            return true;
        } catch (BucketAlreadyOwnedByYouException concurrent) {
            return false; // created meanwhile by someone with the same credentials
        } catch (SdkException e) {
            throw new IOException("Cannot create bucket " + bucket + " on " + endpoint + ": " + e.getMessage(), e);
        }
    }

    /** True when {@code bucket} exists and these credentials may use it. */
    public boolean exists(String bucket) throws IOException {
        try (S3Client client = client()) {
            return exists(client, bucket);
        } catch (SdkException e) {
            throw new IOException("Cannot check bucket " + bucket + " on " + endpoint + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(S3Client client, String bucket) {
        try {
            client.headBucket(request -> request.bucket(bucket));
            return true;
        } catch (NoSuchBucketException missing) {
            return false;
        }
    }

    private S3Client client() {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
