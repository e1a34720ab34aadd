package io.ticklake.schemas.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * How to reach a registry: its base URLs (tried in order), optional basic-auth credentials,
 * timeouts and the retry budget for unreachable or overloaded registries.
 *
 * @param urls            base URLs, e.g. {@code http://127.0.0.1:8081} or
 *                        {@code http://127.0.0.1:8080/apis/ccompat/v7}
 * @param userInfo        {@code user:password} for HTTP basic auth, or null
 * @param maxRetries      retries after the first attempt when the registry is unreachable or answers 5xx/429
 * @param retryWait       wait before the first retry; doubles per retry
 * @param retryMaxWait    cap of the doubling wait
 * @param connectTimeout  TCP connect timeout
 * @param requestTimeout  timeout of a whole request
 * @param tls             TLS stores of {@code https://} registries, or null for the JVM's defaults
 */
public record RegistryClientSettings(List<URI> urls, String userInfo, int maxRetries, Duration retryWait,
                                     Duration retryMaxWait, Duration connectTimeout, Duration requestTimeout,
                                     RegistryTls tls) {

    public RegistryClientSettings {
        if (urls == null || urls.isEmpty()) {
            throw new IllegalArgumentException("At least one schema registry URL is required");
        }
        urls = List.copyOf(urls);
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        }
    }

    /** Settings with the defaults for one URL. */
    public static RegistryClientSettings of(String url) {
        return new RegistryClientSettings(List.of(URI.create(stripSlash(url))), null, 3, Duration.ofMillis(200),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), null);
    }

    public RegistryClientSettings withRetries(int retries, Duration wait, Duration maxWait) {
        return new RegistryClientSettings(urls, userInfo, retries, wait, maxWait, connectTimeout, requestTimeout, tls);
    }

    public RegistryClientSettings withUserInfo(String info) {
        return new RegistryClientSettings(urls, info, maxRetries, retryWait, retryMaxWait, connectTimeout,
                requestTimeout, tls);
    }

    /** True when some URL is plain {@code http://}, where basic-auth credentials would cross in clear text. */
    public boolean hasPlainHttpUrl() {
        return urls.stream().anyMatch(url -> "http".equalsIgnoreCase(url.getScheme()));
    }

    /** The {@code Authorization} header value, if credentials are set. */
    public Optional<String> authorizationHeader() {
        if (userInfo == null || userInfo.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The URLs as a comma-separated string without credentials, for messages. */
    public String describeUrls() {
        return String.join(",", urls.stream().map(URI::toString).toList());
    }

    /** Trims the URL and drops a trailing slash, so paths can be appended. */
    public static String stripSlashForConfig(String url) {
        return stripSlash(url);
    }

    @Override
    public String toString() {
        // never print the credentials
        return "RegistryClientSettings[urls=" + describeUrls() + ", basicAuth=" + (authorizationHeader().isPresent())
                + ", maxRetries=" + maxRetries + ", tls=" + tls + "]";
    }

    static String stripSlash(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
