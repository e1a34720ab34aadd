package io.ticklake.streams.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.query.ForwardingPaths;
import io.ticklake.streams.query.KpiJson;
import io.ticklake.streams.query.KpiQueryService;
import io.ticklake.streams.query.KpiUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone runner's HTTP endpoint (JDK {@code com.sun.net.httpserver}): the forwarding paths
 * other instances call ({@code /kpis/local/*}) and the routed queries ({@code /kpis/*}), all
 * delegating to {@link KpiQueryService}. Maps "unavailable" to 503 with {@code Retry-After}, no KPI
 * to 404, a bad request to 400.
 *
 * <p>The server binds before Kafka Streams starts, so that {@code application.server} can carry the
 * actual port when port 0 was asked for; the query service is attached once it exists, and until
 * then every query is "unavailable".
 */
public final class KpiHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KpiHttpServer.class);
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicReference<KpiQueryService> service = new AtomicReference<>();

    /** Binds to {@code address} (port 0: any free port) and starts serving. */
    public KpiHttpServer(InetSocketAddress address) {
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
        server.createContext(ForwardingPaths.LOCAL_LATEST, exchange -> handle(exchange, this::localLatest));
        server.createContext(ForwardingPaths.LOCAL_RANGE, exchange -> handle(exchange, this::localRange));
        server.createContext(ForwardingPaths.LOCAL_ALL, exchange -> handle(exchange, this::localAll));
        server.createContext(ForwardingPaths.LATEST, exchange -> handle(exchange, this::latest));
        server.createContext(ForwardingPaths.RANGE, exchange -> handle(exchange, this::range));
        server.createContext(ForwardingPaths.ALL, exchange -> handle(exchange, this::all));
        server.start();
    }

    /** The port bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Starts answering queries with {@code queries}. */
    public void attach(KpiQueryService queries) {
        service.set(queries);
    }

    private Response localLatest(Map<String, String> query) {
        return one(queries().localLatest(required(query, ForwardingPaths.SYMBOL), required(query,
                ForwardingPaths.WINDOW), optionalInt(query, ForwardingPaths.PARTITION), stale(query)));
    }

    private Response localRange(Map<String, String> query) {
        return many(queries().localRange(required(query, ForwardingPaths.SYMBOL),
                required(query, ForwardingPaths.WINDOW), instant(query, ForwardingPaths.FROM),
                instant(query, ForwardingPaths.TO), optionalInt(query, ForwardingPaths.PARTITION), stale(query)));
    }

    private Response localAll(Map<String, String> query) {
        Set<Integer> partitions;
        try {
            partitions = java.util.Arrays.stream(required(query, ForwardingPaths.PARTITIONS).split(","))
                    .map(String::trim).filter(part -> !part.isEmpty()).map(Integer::valueOf).collect(Collectors.toSet());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("partitions must be comma-separated numbers");
        }
        return many(queries().localLatestAll(required(query, ForwardingPaths.WINDOW), partitions, stale(query)));
    }

    private Response latest(Map<String, String> query) {
        return one(queries().latest(required(query, ForwardingPaths.SYMBOL), required(query, ForwardingPaths.WINDOW)));
    }

    private Response range(Map<String, String> query) {
        return many(queries().range(required(query, ForwardingPaths.SYMBOL), required(query, ForwardingPaths.WINDOW),
                instant(query, ForwardingPaths.FROM), instant(query, ForwardingPaths.TO)));
    }

    private Response all(Map<String, String> query) {
        return many(queries().latestAll(required(query, ForwardingPaths.WINDOW)));
    }

    private KpiQueryService queries() {
        KpiQueryService queries = service.get();
        if (queries == null) {
            throw new KpiUnavailableException("this instance is starting", java.time.Duration.ofSeconds(1));
        }
        return queries;
    }

    private static Response one(Optional<WindowKpi> kpi) {
        return kpi.map(value -> new Response(200, KpiJson.write(value), null))
                .orElseGet(() -> new Response(404, KpiJson.error("no KPI for this symbol and window", null), null));
    }

    private static Response many(List<WindowKpi> kpis) {
        return new Response(200, KpiJson.write(kpis), null);
    }

    private void handle(HttpExchange exchange, Handler handler) throws IOException {
        Response response;
        try {
            if (!"GET".equals(exchange.getRequestMethod())) {
                response = new Response(405, KpiJson.error("only GET", null), null);
            } else {
                response = handler.handle(parseQuery(exchange.getRequestURI().getRawQuery()));
            }
        } catch (KpiUnavailableException e) {
            long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
            response = new Response(503, KpiJson.error(e.getMessage(), e.retryAfter().toMillis()),
                    Long.toString(seconds));
        } catch (IllegalArgumentException e) {
            response = new Response(400, KpiJson.error(e.getMessage(), null), null);
        } catch (RuntimeException e) {
            LOG.warn("KPI query {} failed", exchange.getRequestURI(), e);
            response = new Response(500, KpiJson.error(e.toString(), null), null);
        }
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (response.retryAfterSeconds() != null) {
            exchange.getResponseHeaders().set("Retry-After", response.retryAfterSeconds());
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
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
            query.put(name, value);
        }
        return query;
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("query parameter '" + name + "' is required");
        }
        return value;
    }

    private static Integer optionalInt(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("query parameter '" + name + "' must be a number, not '" + value + "'");
        }
    }

    private static Instant instant(Map<String, String> query, String name) {
        String value = required(query, name);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("query parameter '" + name + "' must be an ISO-8601 instant such as"
                    + " 2026-01-02T03:04:05Z, not '" + value + "'");
        }
    }

    private static boolean stale(Map<String, String> query) {
        return Boolean.parseBoolean(query.getOrDefault(ForwardingPaths.STALE, "false"));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @FunctionalInterface
    private interface Handler {
        Response handle(Map<String, String> query);
    }

    private record Response(int status, String body, String retryAfterSeconds) {
    }
}
