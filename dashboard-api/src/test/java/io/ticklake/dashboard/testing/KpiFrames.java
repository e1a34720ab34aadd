package io.ticklake.dashboard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.websocket.WebSocketClient;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.ClientWebSocket;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import reactor.core.publisher.Mono;

/** A {@code /ws/kpis} client for the tests: collects every frame its session receives, in arrival order. */
@ClientWebSocket
public abstract class KpiFrames implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private volatile WebSocketSession session;

    @OnOpen
    void onOpen(WebSocketSession session) {
        this.session = session;
    }

    @OnMessage
    void onMessage(String frame) {
        try {
            frames.add(MAPPER.readTree(frame));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public abstract void send(String message);

    /** A session of {@code /ws/kpis} opened with the viewer's credentials, as the dashboard page opens it. */
    public static KpiFrames connect(WebSocketClient client, Duration timeout) {
        return Mono.from(client.connect(KpiFrames.class, TestCredentials.viewer(HttpRequest.GET("/ws/kpis"))))
                .block(timeout);
    }

    @Override
    public void close() {
        session.close();
    }

    /** The frames received so far, in arrival order. */
    public List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    public Stream<JsonNode> ofType(String type) {
        return frames.stream().filter(frame -> frame.get("type").asText().equals(type));
    }

    /** Every KPI of every {@code kpis} frame, provisional or confirmed. */
    public Stream<JsonNode> kpis() {
        return ofType("kpis").flatMap(KpiFrames::kpisOf);
    }

    /** The KPIs of confirmed (committed) frames only. */
    public Stream<JsonNode> confirmedKpis() {
        return ofType("kpis").filter(frame -> !frame.path("provisional").asBoolean(false)).flatMap(KpiFrames::kpisOf);
    }

    private static Stream<JsonNode> kpisOf(JsonNode frame) {
        return StreamSupport.stream(frame.get("kpis").spliterator(), false);
    }
}
