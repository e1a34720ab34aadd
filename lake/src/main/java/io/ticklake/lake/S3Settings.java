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

    /** The environment variable of the access key, the one place jobs take credentials from. */
    public static final String ACCESS_KEY_VARIABLE = "TICKLAKE_S3_ACCESS_KEY";
    /** The environment variable of the secret key. */
    public static final String SECRET_KEY_VARIABLE = "TICKLAKE_S3_SECRET_KEY";

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

    /**
     * These settings with the static credentials of {@code environment} ({@value #ACCESS_KEY_VARIABLE},
     * {@value #SECRET_KEY_VARIABLE}; blank is unset), or with none, so that the client's default chain
     * applies, when neither is set. Credentials come from the environment, never from arguments, where
     * {@code ps}, schedulers' logs and their stored commands would show them.
     *
     * @throws IllegalArgumentException when only one of the two is set, naming both
     */
    public S3Settings withCredentialsFrom(Map<String, String> environment) {
        String access = nonBlank(environment.get(ACCESS_KEY_VARIABLE));
        String secret = nonBlank(environment.get(SECRET_KEY_VARIABLE));
        if ((access == null) != (secret == null)) {
            throw new IllegalArgumentException("set both " + ACCESS_KEY_VARIABLE + " and " + SECRET_KEY_VARIABLE
                    + " in the environment, or neither (for the AWS default credential chain); only "
                    + (access == null ? SECRET_KEY_VARIABLE : ACCESS_KEY_VARIABLE) + " is set");
        }
        return new S3Settings(endpoint, access, secret, region, pathStyle);
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
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
