package io.ticklake.bench.latency;

import io.ticklake.bench.openloop.Visibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client subscribed to every symbol's 1-minute KPIs. Each frame's arrival time is taken
 * when its last fragment arrives; every KPI in it reports what it shows to {@code anyFrame}, and a
 * confirmed (committed) one also to {@code confirmed}. Every tick a frame's counts cover is counted,
 * not only its newest. It also subscribes to every alert: an alert is identified by (rule_id, symbol,
 * event_time, kind), and its first frame, provisional or confirmed, reports the tick event time to
 * {@code firstAlert}, its confirmed (committed) frame to {@code confirmedAlerts}; each alert is counted once in
 * each, whatever the number of copies.
 */
final class PushClient implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Visibility anyFrame;
    private final Visibility confirmed;
    private final AlertLatency firstAlert;
    private final AlertLatency confirmedAlerts;
    private final Set<String> alertsSeen = new HashSet<>();
    private final Set<String> alertsConfirmed = new HashSet<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private WebSocket socket;
    private volatile long frames;

    PushClient(Visibility anyFrame, Visibility confirmed, AlertLatency firstAlert, AlertLatency confirmedAlerts) {
        this.anyFrame = anyFrame;
        this.confirmed = confirmed;
        this.firstAlert = firstAlert;
        this.confirmedAlerts = confirmedAlerts;
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
                case "alert" -> alert(frame, arrived);
                case "error" -> subscribed.completeExceptionally(new IllegalStateException(text));
                default -> { } // heartbeats
            }
        } catch (Exception e) {
            subscribed.completeExceptionally(e);
        }
    }

    /** Frames arrive on one thread at a time (one listener call at a time), so the sets need no lock. */
    private void alert(JsonNode frame, long arrived) {
        JsonNode alert = frame.path("alert");
        String identity = alert.path("rule_id").asText() + '|' + alert.path("symbol").asText() + '|'
                + alert.path("event_time").asText() + '|' + alert.path("kind").asText();
        long eventTime = Instant.parse(alert.path("event_time").asText()).toEpochMilli();
        if (alertsSeen.add(identity)) {
            firstAlert.alert(eventTime, arrived);
        }
        if (!frame.path("provisional").asBoolean(false) && alertsConfirmed.add(identity)) {
            confirmedAlerts.alert(eventTime, arrived);
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
