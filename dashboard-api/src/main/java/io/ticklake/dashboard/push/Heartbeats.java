package io.ticklake.dashboard.push;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.websocket.WebSocketBroadcaster;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Sends {@code {"type":"heartbeat"}} to every {@code /ws/kpis} session at a fixed interval, so that
 * clients and proxies see a live connection when no KPI changes, and idle timeouts do not fire.
 */
@Singleton
class Heartbeats {

    private final WebSocketBroadcaster broadcaster;
    private final PushHub hub;

    Heartbeats(WebSocketBroadcaster broadcaster, PushHub hub) {
        this.broadcaster = broadcaster;
        this.hub = hub;
    }

    @Scheduled(fixedDelay = "${ticklake.push.heartbeat-interval:15s}", initialDelay = "${ticklake.push.heartbeat-interval:15s}")
    void beat() {
        if (hub.sessionCount() > 0) {
            broadcaster.broadcastAsync(ControlFrames.heartbeat(Instant.now()), hub::isPushSession);
        }
    }
}
