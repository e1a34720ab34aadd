package io.ticklake.dashboard.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.ticklake.dashboard.streams.NeverStartedStreams;
import io.ticklake.dashboard.testing.DashboardItConfig;
import io.ticklake.dashboard.testing.RawWebSocket;
import io.ticklake.dashboard.testing.TestCredentials;
import io.ticklake.infra.testing.TestPlatform;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A client that subscribes 200 times to 1,000 more symbols and never reads: every acknowledgement repeats
 * the whole subscription, so what waits for it grows until the outbox's byte limit closes it (1008); the
 * bytes that waited never passed the limit. The symbol and message-rate limits are set out of the way.
 */
@MicronautTest(environments = NeverStartedStreams.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SilentClientIT implements TestPropertyProvider {

    private static final long MAX_QUEUED_BYTES = 1 << 20;

    @Inject
    EmbeddedServer server;

    @Inject
    PushHub hub;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new DashboardItConfig(TestPlatform.shared(), "ws-silent").properties();
        props.put("ticklake.push.max-symbols-per-session", "1000000");
        props.put("ticklake.push.max-messages-per-second", "100000");
        props.put("ticklake.push.max-queued-bytes", Long.toString(MAX_QUEUED_BYTES));
        return props;
    }

    @Test
    void aClientThatNeverReadsIsClosedWithItsQueueBounded() throws Exception {
        long slowBefore = hub.slowDisconnectCount();
        RawWebSocket client = RawWebSocket.connect(URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/kpis"),
                RawWebSocket.BEARER + TestCredentials.VIEWER_TOKEN, null, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.sessionCount() == 1);

        try {
            for (int sent = 0; sent < 200 && hub.slowDisconnectCount() == slowBefore; sent++) {
                client.socket.sendText(RawWebSocket.subscribe(sent * 1000, 1000), true).join();
            }
        } catch (CompletionException closedUnderUs) {
            // the server closed the connection while the client was still sending
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> hub.slowDisconnectCount() == slowBefore + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.sessionCount() == 0);
        assertThat(hub.peakQueuedBytes()).isPositive().isLessThanOrEqualTo(MAX_QUEUED_BYTES);
        client.socket.abort();
    }
}
