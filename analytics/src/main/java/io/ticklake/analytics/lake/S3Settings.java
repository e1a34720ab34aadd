package io.ticklake.analytics.lake;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach an S3 lake: the endpoint of an S3-compatible store such as MinIO (empty for AWS), the
 * region and the access key pair (empty to use DuckDB's defaults, e.g. a public bucket).
 */
public record S3Settings(Optional<String> endpoint, String region, Optional<String> accessKey,
                         Optional<String> secretKey, boolean pathStyle) {

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException("give both the S3 access key and the secret key, or neither");
        }
        endpoint.ifPresent(S3Settings::parseEndpoint);
    }

    /** {@code host:port} as DuckDB wants it. */
    public Optional<String> endpointAuthority() {
        return endpoint.map(e -> parseEndpoint(e).getAuthority());
    }

    /** False only for an {@code http://} endpoint. */
    public boolean useSsl() {
        return endpoint.map(e -> !"http".equalsIgnoreCase(parseEndpoint(e).getScheme())).orElse(true);
    }

    private static URI parseEndpoint(String endpoint) {
        URI uri = URI.create(endpoint.contains("://") ? endpoint : "https://" + endpoint);
        if (uri.getAuthority() == null || uri.getAuthority().isEmpty()) {
            throw new IllegalArgumentException("S3 endpoint '" + endpoint + "' has no host (expected e.g."
                    + " http://127.0.0.1:9000)");
        }
        return uri;
    }
}
