package io.ticklake.lake;

import java.io.Serializable;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How every component reaches an S3 lake. Every value is optional: without an endpoint the clients talk
 * to AWS, without keys they use their default credential chain (environment, profile, instance role).
 *
 * @param endpoint  e.g. {@code http://127.0.0.1:9000} for MinIO; null for AWS
 * @param pathStyle path-style requests ({@code http://host/bucket/key}), which MinIO needs
 */
public record S3Settings(String endpoint, String accessKey, String secretKey, String region, boolean pathStyle)
        implements Serializable {

    public S3Settings {
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("give both the S3 access key and the secret key, or neither");
        }
        if (endpoint != null) {
            parseEndpoint(endpoint);
        }
        region = region == null || region.isBlank() ? "us-east-1" : region;
    }

    /** No explicit settings: AWS defaults. */
    public static S3Settings defaults() {
        return new S3Settings(null, null, null, null, true);
    }

    public Optional<String> endpointOption() {
        return Optional.ofNullable(endpoint);
    }

    /** {@code host:port} of the endpoint (DuckDB's form). */
    public Optional<String> endpointAuthority() {
        return endpointOption().map(e -> parseEndpoint(e).getAuthority());
    }

    /** False only for an {@code http://} endpoint. */
    public boolean useSsl() {
        return endpointOption().map(e -> !"http".equalsIgnoreCase(parseEndpoint(e).getScheme())).orElse(true);
    }

    /** The settings as Iceberg's S3FileIO properties ({@code s3.*}, {@code client.region}). */
    public Map<String, String> icebergProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("client.region", region);
        props.put("s3.path-style-access", Boolean.toString(pathStyle));
        if (endpoint != null) {
            props.put("s3.endpoint", endpoint);
        }
        if (accessKey != null) {
            props.put("s3.access-key-id", accessKey);
            props.put("s3.secret-access-key", secretKey);
        }
        return props;
    }

    private static URI parseEndpoint(String endpoint) {
        URI uri = URI.create(endpoint.contains("://") ? endpoint : "https://" + endpoint);
        if (uri.getAuthority() == null || uri.getAuthority().isEmpty()) {
            throw new IllegalArgumentException("S3 endpoint '" + endpoint + "' has no host (expected e.g."
                    + " http://127.0.0.1:9000)");
        }
        return uri;
    }

    @Override
    public String toString() {
        // never print the secret
        return "S3Settings[endpoint=" + endpoint + ", accessKey=" + accessKey + ", region=" + region
                + ", pathStyle=" + pathStyle + "]";
    }
}
