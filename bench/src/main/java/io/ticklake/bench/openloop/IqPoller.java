package io.ticklake.bench.openloop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Asks an interactive-query endpoint for every symbol's latest 1-minute KPI (the dashboard's
 * {@code GET /api/kpis?window=1m}, or the streams runner's {@code GET /kpis/all?window=1m}: the same KPI JSON),
 * one request after the other, {@link #PAUSE_MILLIS} apart, and reports what each answer shows. A tick is seen
 * at the first answer that counts it, so the figure includes up to one pause and one round trip more than the
 * tick needed; the pause keeps the poller from taking the CPU the platform is measured on.
 */
public final class IqPoller implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final long PAUSE_MILLIS = 5;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpRequest request;
    private final Visibility visibility;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long failures;

    /** Polls the shipped dashboard's REST API with a viewer's token. */
    public static IqPoller dashboard(String dashboardUrl, String token, Visibility visibility) {
        return new IqPoller(HttpRequest.newBuilder(URI.create(dashboardUrl + "/api/kpis?window=1m"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build(), visibility);
    }

    /** Polls {@code request}, whose answer is a JSON array of KPIs. */
    public IqPoller(HttpRequest request, Visibility visibility) {
        this.request = request;
        this.visibility = visibility;
        this.thread = new Thread(this::poll, "iq-poller");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public long failures() {
        return failures;
    }

    private void poll() {
        while (running) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long arrived = System.nanoTime();
                if (response.statusCode() != 200) {
                    failures++;
                } else {
                    for (JsonNode kpi : JSON.readTree(response.body())) {
                        visibility.observed(kpi.path("symbol").asText(),
                                Instant.parse(kpi.path("window_start").asText()).toEpochMilli(),
                                kpi.path("trade_count").asLong(), arrived);
                    }
                }
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures++;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(15_000);
    }
}
