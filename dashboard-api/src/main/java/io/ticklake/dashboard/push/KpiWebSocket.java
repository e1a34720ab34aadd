package io.ticklake.dashboard.push;

import io.micronaut.http.HttpRequest;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import java.security.Principal;

/**
 * {@code /ws/kpis}: a client sends {@code {"action":"subscribe","symbols":["AAPL"],"windows":["1m"]}}
 * and receives every matching KPI update: provisional ones from the hosted instance before their commit,
 * then the confirmed ones as they are committed to {@code stock-kpis} (README "WebSocket").
 */
@ServerWebSocket("/ws/kpis")
class KpiWebSocket {

    private final PushHub hub;

    KpiWebSocket(PushHub hub) {
        this.hub = hub;
    }

    /** The handshake was authenticated (viewer role) and its origin checked ({@link OriginFilter}). */
    @OnOpen
    void onOpen(WebSocketSession session, HttpRequest<?> request) {
        hub.open(session, request.getUserPrincipal().map(Principal::getName).orElse("anonymous"));
    }

    @OnMessage
    void onMessage(String message, WebSocketSession session) {
        hub.message(session, message);
    }

    @OnClose
    void onClose(WebSocketSession session) {
        hub.close(session);
    }
}
