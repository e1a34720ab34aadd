package io.ticklake.infra.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** The few HTTP calls the launcher makes: health probes and small admin requests on loopback. */
public final class Http {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Plain http:// and https:// with the JVM's CA certificates. */
    public static final Http DEFAULT = new Http(null);

    private final HttpClient client;

    private Http(SSLContext tls) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2));
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.client = builder.build();
    }

    /** A client for https:// servers whose certificates {@code tls} trusts (the platform's own CA). */
    public static Http trusting(SSLContext tls) {
        return new Http(tls);
    }

    /** A response's status and body. */
    public record Response(int status, String body) {
        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    public Response get(String url) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public Response put(String url, String contentType, String body) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends a prepared request with the launcher's timeout. */
    public Response send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response = client.send(request.timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + request.build().uri(), e);
        }
    }

    /** True when {@code url} answers 200; any failure to connect is just "not yet". */
    public boolean isOk(String url) {
        try {
            return get(url).status() == 200;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
