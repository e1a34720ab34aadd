package io.ticklake.e2e.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WebSocket client of one dashboard instance's {@code /ws/kpis} (dashboard-api/README.md), subscribed
 * to every symbol's 1-minute KPIs with the viewer token; it counts the {@code kpis} frames (provisional
 * and confirmed) and remembers when the last one came.
 */
public final class KpiPushClient implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong lastFrameNanos = new AtomicLong(Long.MIN_VALUE);
    private volatile String closed;
    private WebSocket socket;

    private KpiPushClient() {
    }

    /** Connects to {@code dashboardUrl} ({@code http://…}) and subscribes; fails if not subscribed within 30 s. */
    public static KpiPushClient connect(String dashboardUrl) {
        KpiPushClient client = new KpiPushClient();
        URI uri = URI.create(dashboardUrl.replaceFirst("^http", "ws") + "/ws/kpis");
        try {
            client.socket = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .newWebSocketBuilder().header("Authorization", DashboardCredentials.viewerAuthorization())
                    .buildAsync(uri, client).get(30, TimeUnit.SECONDS);
            client.socket.sendText("{\"action\":\"subscribe\",\"symbols\":[\"*\"],\"windows\":[\"1m\"]}", true)
                    .get(30, TimeUnit.SECONDS);
            client.subscribed.get(30, TimeUnit.SECONDS);
            return client;
        } catch (Exception e) {
            client.close();
            throw new IllegalStateException("cannot subscribe to " + uri + ": " + e, e);
        }
    }

    /** KPI frames received so far. */
    public long frames() {
        return frames.get();
    }

    /** True when a KPI frame arrived after {@code nanoTime} (a {@link System#nanoTime()} value). */
    public boolean updatedSince(long nanoTime) {
        return lastFrameNanos.get() - nanoTime > 0 && frames.get() > 0;
    }

    /** Why the server closed the session, or null while it is open. */
    public String closedReason() {
        return closed;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            handle(text);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed = statusCode + " " + reason;
        subscribed.completeExceptionally(new IllegalStateException("closed " + closed));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed = "error " + error;
        subscribed.completeExceptionally(error);
    }

    private void handle(String text) {
        try {
            JsonNode frame = JSON.readTree(text);
            switch (frame.path("type").asText()) {
                case "subscribed" -> subscribed.complete(null);
                case "kpis" -> {
                    lastFrameNanos.set(System.nanoTime());
                    frames.incrementAndGet();
                }
                case "error" -> subscribed.completeExceptionally(new IllegalStateException(text));
                default -> { } // heartbeats
            }
        } catch (Exception e) {
            subscribed.completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        if (socket != null && closed == null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
    }
}
