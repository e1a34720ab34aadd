package io.ticklake.bench.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client subscribed to every symbol's 1-minute KPIs. Each frame's arrival time is taken
 * when its last fragment arrives; every KPI in it reports what it shows to {@code anyFrame}, and a
 * confirmed (committed) one also to {@code confirmed}. Every tick a frame's counts cover is counted,
 * not only its newest. It also subscribes to every alert and hands each one's tick event time to
 * {@link AlertLatency}.
 */
final class PushClient implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Visibility anyFrame;
    private final Visibility confirmed;
    private final AlertLatency alerts;
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private WebSocket socket;
    private volatile long frames;

    PushClient(Visibility anyFrame, Visibility confirmed, AlertLatency alerts) {
        this.anyFrame = anyFrame;
        this.confirmed = confirmed;
        this.alerts = alerts;
    }

    void connect(String dashboardUrl, String token) throws Exception {
        URI uri = URI.create(dashboardUrl.replaceFirst("^http", "ws") + "/ws/kpis");
        socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(uri, this).get(30, TimeUnit.SECONDS);
        socket.sendText("{\"action\":\"subscribe\",\"symbols\":[\"*\"],\"windows\":[\"1m\"]}", true).join();
        socket.sendText("{\"action\":\"subscribe\",\"channel\":\"alerts\",\"symbols\":[\"*\"]}", true).join();
        subscribed.get(30, TimeUnit.SECONDS);
    }

    long frames() {
        return frames;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long arrived = System.nanoTime();
            String text = partial.toString();
            partial.setLength(0);
            handle(text, arrived);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        subscribed.completeExceptionally(new IllegalStateException("closed " + statusCode + ": " + reason));
        return null;
    }

    private void handle(String text, long arrived) {
        try {
            JsonNode frame = JSON.readTree(text);
            switch (frame.path("type").asText()) {
                case "subscribed" -> subscribed.complete(null);
                case "kpis" -> {
                    frames++;
                    boolean provisional = frame.path("provisional").asBoolean(false);
                    for (JsonNode kpi : frame.path("kpis")) {
                        String symbol = kpi.path("symbol").asText();
                        long window = Instant.parse(kpi.path("window_start").asText()).toEpochMilli();
                        long count = kpi.path("trade_count").asLong();
                        anyFrame.observed(symbol, window, count, arrived);
                        if (!provisional) {
                            confirmed.observed(symbol, window, count, arrived);
                        }
                    }
                }
                case "alert" -> alerts.alert(Instant.parse(frame.path("alert").path("event_time").asText())
                        .toEpochMilli(), arrived);
                case "error" -> subscribed.completeExceptionally(new IllegalStateException(text));
                default -> { } // heartbeats
            }
        } catch (Exception e) {
            subscribed.completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
                    .join();
        }
    }
}
