package io.ticklake.streams.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ticklake.schemas.security.Secrets;
import io.ticklake.streams.host.ForwardingEndpoint;
import io.ticklake.streams.host.ForwardingResponse;
import io.ticklake.streams.query.ForwardingPaths;
import io.ticklake.streams.query.KpiJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The standalone runner's HTTP server (JDK {@code com.sun.net.httpserver}): it only adapts the
 * {@link ForwardingEndpoint} of its instance to HTTP (query decoding, status, {@code Retry-After},
 * body). Everything under {@code /kpis} goes to the endpoint, which knows the paths. With a cluster
 * secret every request must carry it in {@link ForwardingPaths#CLUSTER_SECRET_HEADER} (401 otherwise):
 * this server has no users, only the other instances and the operators who hold the secret.
 */
public final class KpiHttpServer implements AutoCloseable {

    private static final int THREADS = 4;
    private static final String CONTEXT = "/kpis";

    private final HttpServer server;
    private final ExecutorService executor;
    private final ForwardingEndpoint endpoint;
    private final Optional<String> clusterSecret;

    /** Binds to {@code address} (port 0: any free port) and starts serving {@code endpoint} to holders of the secret. */
    public KpiHttpServer(InetSocketAddress address, ForwardingEndpoint endpoint, Optional<String> clusterSecret) {
        this.endpoint = endpoint;
        this.clusterSecret = clusterSecret;
        try {
            this.server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the KPI HTTP server to " + address, e);
        }
        this.executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "kpi-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(CONTEXT, this::handle);
        server.start();
    }

    /** The port bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        ForwardingResponse response;
        if (!authorized(exchange)) {
            response = new ForwardingResponse(401, KpiJson.error("this instance answers requests carrying the cluster"
                    + " secret in " + ForwardingPaths.CLUSTER_SECRET_HEADER + " only", null), OptionalLong.empty());
        } else if (!"GET".equals(exchange.getRequestMethod())) {
            response = new ForwardingResponse(405, KpiJson.error("only GET", null), OptionalLong.empty());
        } else {
            response = endpoint.handle(uri.getPath(), parseQuery(uri.getRawQuery()));
        }
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", ForwardingResponse.CONTENT_TYPE);
        response.retryAfterSeconds().ifPresent(seconds ->
                exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds)));
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private boolean authorized(HttpExchange exchange) {
        return clusterSecret.isEmpty() || Secrets.matches(clusterSecret,
                exchange.getRequestHeaders().getFirst(ForwardingPaths.CLUSTER_SECRET_HEADER));
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
