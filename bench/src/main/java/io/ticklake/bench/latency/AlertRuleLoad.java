package io.ticklake.bench.latency;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Creates a benchmark's alert rules through the dashboard's REST API, as an admin would, and waits until the
 * instance lists them all (its global store has read them, so the evaluation uses them): per symbol one
 * {@code PRICE_CROSS} at 100 with no cool-down, which the random walk from 100 keeps firing, then mixed kinds
 * with thresholds ticks seldom reach.
 */
final class AlertRuleLoad {

    private static final Duration LOADED = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String dashboardUrl;
    private final String adminToken;

    AlertRuleLoad(String dashboardUrl, String adminToken) {
        this.dashboardUrl = dashboardUrl;
        this.adminToken = adminToken;
    }

    void create(int count, List<String> symbols) throws IOException, InterruptedException {
        for (int i = 0; i < count; i++) {
            String symbol = symbols.get(i % symbols.size());
            String condition = i < symbols.size() ? "\"kind\":\"PRICE_CROSS\",\"level\":100,\"cooldown_ms\":0"
                    : switch (i % 4) {
                        case 0 -> "\"kind\":\"PRICE_CROSS\",\"level\":" + (200 + i);
                        case 1 -> "\"kind\":\"PERCENT_MOVE\",\"level\":50,\"window\":\"1m\"";
                        case 2 -> "\"kind\":\"VOLATILITY_BAND\",\"k\":20,\"window\":\"5m\"";
                        default -> "\"kind\":\"VOLUME_SPIKE\",\"k\":20,\"window\":\"1m\",\"lookback_windows\":20";
                    };
            String id = String.format(Locale.ROOT, "bench-%04d", i);
            String body = "{\"symbol\":\"" + symbol + "\"," + condition + "}";
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(dashboardUrl + "/api/alert-rules/" + id))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("rule " + i + " refused: " + response.statusCode() + " " + response.body());
            }
        }
        long deadline = System.nanoTime() + LOADED.toNanos();
        while (listed() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the dashboard lists " + listed() + " of " + count + " rules after "
                        + LOADED.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
        System.out.printf(Locale.ROOT, "%d alert rules active%n", count);
    }

    private long listed() throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(dashboardUrl + "/api/alert-rules")).GET());
        return response.statusCode() == 200 ? response.body().split("\"rule_id\"", -1).length - 1 : 0;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
