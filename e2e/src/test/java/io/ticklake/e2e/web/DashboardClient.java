package io.ticklake.e2e.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticklake.e2e.reference.Kpi;
import io.ticklake.e2e.reference.WindowKey;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.TreeMap;

/**
 * The dashboard-api's public REST API as a user calls it. Anything but 200 is an {@link
 * UnansweredException} carrying the status and body, so a poll can tell "not yet" (503) from a wrong
 * answer.
 */
public final class DashboardClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public DashboardClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** {@code GET /api/kpis/{symbol}?window=&from=&to=}: the symbol's windows starting in [from, to). */
    public Map<WindowKey, Kpi> kpis(String symbol, String window, Instant from, Instant to) {
        JsonNode answer = get("/api/kpis/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8) + "?window=" + window
                + "&from=" + from + "&to=" + to);
        Map<WindowKey, Kpi> kpis = new TreeMap<>();
        for (JsonNode node : answer) {
            Kpi kpi = Kpi.fromJson(node);
            kpis.put(kpi.key(), kpi);
        }
        return kpis;
    }

    /** {@code GET /api/symbols}: the symbol names. */
    public List<String> symbols() {
        List<String> symbols = new ArrayList<>();
        get("/api/symbols").forEach(node -> symbols.add(node.path("symbol").asText()));
        return symbols;
    }

    /** {@code GET /api/kpis?window=}: the latest KPI of every symbol. */
    public List<Kpi> latestAll(String window) {
        List<Kpi> kpis = new ArrayList<>();
        get("/api/kpis?window=" + window).forEach(node -> kpis.add(Kpi.fromJson(node)));
        return kpis;
    }

    /**
     * Waits until {@code /health/readiness} answers 200 (Kafka Streams running, nothing restoring) while
     * {@code alive} holds; fails with the probe's last answer and {@code whatWentOn}'s text (a log tail).
     */
    public void awaitReady(Duration timeout, BooleanSupplier alive, Supplier<String> whatWentOn) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String notReady;
        while ((notReady = notReadyBecause()) != null) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("dashboard-api at " + baseUrl + " exited during start-up; "
                        + whatWentOn.get());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("dashboard-api at " + baseUrl + " was not ready within " + timeout
                        + "; its readiness said: " + notReady + "; " + whatWentOn.get());
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }

    public boolean isReady() {
        return notReadyBecause() == null;
    }

    /** Null when {@code /health/readiness} answers 200; else its answer, or why there was none. */
    private String notReadyBecause() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/health/readiness"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? null : response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The JSON body of a 200 answer. */
    public JsonNode get(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(20)).header("Accept", "application/json")
                .header("Authorization", DashboardCredentials.viewerAuthorization()).GET().build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UnansweredException(0, "GET " + pathAndQuery + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new UnansweredException(response.statusCode(), "GET " + pathAndQuery + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + pathAndQuery + " answered no JSON: " + response.body(), e);
        }
    }

    /** An answer other than 200 (status 0: no answer at all). */
    public static final class UnansweredException extends RuntimeException {

        private final int status;

        UnansweredException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
