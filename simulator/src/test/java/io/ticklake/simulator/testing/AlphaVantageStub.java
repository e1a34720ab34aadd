package io.ticklake.simulator.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A local stand-in for Alpha Vantage's {@code /query} endpoint on an ephemeral loopback port. It
 * answers each request with the next queued response (recorded-format bodies from
 * {@code src/test/resources/alphavantage}; {@code ${KEY}} in a body is replaced by the request's
 * key, as the real service echoes it) and records every request URI.
 */
public final class AlphaVantageStub implements AutoCloseable {

    private final HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<URI> requests = new ArrayList<>();

    public AlphaVantageStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/query", this::handle);
        server.start();
    }

    /** The query endpoint, e.g. {@code http://127.0.0.1:43567/query}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/query";
    }

    /** Queues a recorded body from {@code src/test/resources/alphavantage/<name>}, served with HTTP 200. */
    public AlphaVantageStub thenRecorded(String name) {
        return then(200, recorded(name));
    }

    public synchronized AlphaVantageStub then(int status, String body) {
        answers.addLast(new Answer(status, body));
        return this;
    }

    /** A GLOBAL_QUOTE body for the given values. */
    public static String quote(String symbol, String price, long volume, String day) {
        return """
                {
                    "Global Quote": {
                        "01. symbol": "%s",
                        "02. open": "1.0000",
                        "05. price": "%s",
                        "06. volume": "%d",
                        "07. latest trading day": "%s",
                        "10. change percent": "0.0000%%"
                    }
                }
                """.formatted(symbol, price, volume, day);
    }

    public static String recorded(String name) {
        try (InputStream in = AlphaVantageStub.class.getResourceAsStream("/alphavantage/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded response " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized List<URI> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Answer answer;
        synchronized (this) {
            requests.add(exchange.getRequestURI());
            answer = answers.isEmpty() ? new Answer(503, "{\"error\": \"no answer queued\"}") : answers.removeFirst();
        }
        String key = queryParameter(exchange.getRequestURI(), "apikey");
        byte[] body = answer.body().replace("${KEY}", key == null ? "" : key).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The decoded value of {@code name} in the URI's query, or null. */
    public static String queryParameter(URI uri, String name) {
        if (uri.getQuery() == null) {
            return null;
        }
        for (String pair : uri.getQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private record Answer(int status, String body) {
    }
}
