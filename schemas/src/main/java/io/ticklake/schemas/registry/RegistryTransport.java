package io.ticklake.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends JSON requests to the registry. Unreachable registries and 5xx/408/429 answers are retried
 * with doubling backoff across the configured URLs; after the budget the error names every URL.
 * 4xx answers are final and carry the registry's own message and error code.
 */
final class RegistryTransport {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryTransport.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryClientSettings settings;
    private final HttpClient http;

    RegistryTransport(RegistryClientSettings settings) {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1);
        if (settings.tls() != null) {
            builder.sslContext(settings.tls().sslContext());
        }
        this.http = builder.build();
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    private JsonNode send(String method, String path, Object body) {
        String payload = body == null ? null : write(body);
        Duration wait = settings.retryWait();
        Exception lastFailure = null;
        int lastStatus = 0;
        for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
            if (attempt > 0) {
                pause(wait);
                wait = min(wait.multipliedBy(2), settings.retryMaxWait());
            }
            for (URI base : settings.urls()) {
                URI uri = URI.create(base + path);
                try {
                    HttpResponse<String> response = http.send(request(method, uri, payload),
                            HttpResponse.BodyHandlers.ofString());
                    int status = response.statusCode();
                    if (status < 300) {
                        return response.body() == null || response.body().isBlank()
                                ? JSON.nullNode() : JSON.readTree(response.body());
                    }
                    if (!isRetriable(status)) {
                        throw answerError(method, uri, status, response.body());
                    }
                    lastStatus = status;
                    lastFailure = answerError(method, uri, status, response.body());
                } catch (IOException e) {
                    lastFailure = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SchemaRegistryException("Interrupted calling schema registry " + uri, 0, 0, e);
                }
                LOG.debug("Schema registry call {} {} failed: {}", method, uri, lastFailure.toString());
            }
        }
        throw new SchemaRegistryException("Schema registry unreachable at " + settings.describeUrls() + " ("
                + method + " " + path + ") after " + (settings.maxRetries() + 1) + " attempts: " + lastFailure,
                lastStatus, 0, lastFailure);
    }

    private HttpRequest request(String method, URI uri, String payload) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json");
        settings.authorizationHeader().ifPresent(value -> builder.header("Authorization", value));
        if (payload == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofString(payload));
        }
        return builder.build();
    }

    private static boolean isRetriable(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    private static SchemaRegistryException answerError(String method, URI uri, int status, String body) {
        int errorCode = status;
        String message = body;
        try {
            JsonNode error = JSON.readTree(body);
            if (error.hasNonNull("error_code")) {
                errorCode = error.get("error_code").asInt();
            }
            if (error.hasNonNull("message")) {
                message = error.get("message").asText();
            }
        } catch (IOException | RuntimeException notJson) {
            // keep the raw body as the message
        }
        return new SchemaRegistryException("Schema registry " + method + " " + uri + " answered " + status
                + " (error code " + errorCode + "): " + message, status, errorCode, null);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode registry request", e);
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Interrupted while waiting to retry the schema registry", 0, 0, e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
