package io.ticklake.dashboard.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The limits of {@code /ws/kpis} on a running server, with a raw WebSocket client (the JDK's) that sends
 * what it wants: the Origin allow-list, authentication at the handshake, sessions per user, symbols per
 * session and messages per second, each breach closing the session with 1008 and the reason.
 */
@MicronautTest(environments = NeverStartedStreams.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSocketLimitsIT implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(30);
        private static final String ALLOWED_ORIGIN = "https://allowed.example";

    @Inject
    EmbeddedServer server;

    @Inject
    PushHub hub;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new DashboardItConfig(TestPlatform.shared(), "ws-limits").properties();
        props.put("ticklake.push.allowed-origins", ALLOWED_ORIGIN);
        // Micronaut refuses every foreign origin of a loopback server on its own: as a server bound elsewhere,
        // this one leaves the WebSocket's origins to ticklake.push.allowed-origins
        props.put("micronaut.server.cors.localhost-pass-through", "true");
        props.put("ticklake.push.max-sessions", "3");
        props.put("ticklake.push.max-sessions-per-principal", "2");
        props.put("ticklake.push.max-symbols-per-session", "3000");
        props.put("ticklake.push.max-messages-per-second", "20");
        return props;
    }

    private URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/kpis");
    }

    private RawWebSocket connect(String authorization, String origin, boolean reads) throws Exception {
        return RawWebSocket.connect(uri(), authorization, origin, reads);
    }

    private static String viewer() {
        return RawWebSocket.BEARER + TestCredentials.VIEWER_TOKEN;
    }


    /** Sessions of one test do not count against the next one's limits. */
    @AfterEach
    void everySessionIsClosed() {
        await().atMost(WAIT).until(() -> hub.sessionCount() == 0);
    }

    @Test
    void aForeignOriginIsRefusedAtTheHandshake() throws Exception {
        assertThatThrownBy(() -> connect(viewer(), "https://evil.example", true))
                .isInstanceOf(ExecutionException.class).hasStackTraceContaining("403");

        connect(viewer(), ALLOWED_ORIGIN, true).socket.abort();
        connect(viewer(), "http://127.0.0.1:" + server.getPort(), true).socket.abort();
    }

    @Test
    void aHandshakeWithoutCredentialsIsRefused() {
        assertThatThrownBy(() -> connect("Bearer wrong", null, true))
                .isInstanceOf(ExecutionException.class).hasStackTraceContaining("401");
    }

    @Test
    void aUserOpensNoMoreSessionsThanAllowed() throws Exception {
        String admin = RawWebSocket.BEARER + TestCredentials.ADMIN_TOKEN;
        RawWebSocket first = connect(admin, null, true);
        RawWebSocket second = connect(admin, null, true);
        await().atMost(WAIT).until(() -> hub.sessionCount() == 2);
        RawWebSocket third = connect(admin, null, true);

        assertThat(third.closed.get(30, TimeUnit.SECONDS)).isEqualTo("1008 too many sessions of this user: at most 2");
        assertThat(first.closed).isNotDone();
        assertThat(second.closed).isNotDone();
        first.socket.abort();
        second.socket.abort();
    }

    @Test
    void noMoreSessionsThanAllowedInAll() throws Exception {
        String admin = RawWebSocket.BEARER + TestCredentials.ADMIN_TOKEN;
        List<RawWebSocket> open = new ArrayList<>();
        open.add(connect(viewer(), null, true));
        open.add(connect(viewer(), null, true));
        open.add(connect(admin, null, true));
        await().atMost(WAIT).until(() -> hub.sessionCount() == 3);
        RawWebSocket fourth = connect(admin, null, true);

        assertThat(fourth.closed.get(30, TimeUnit.SECONDS)).isEqualTo("1008 too many sessions: at most 3");
        assertThat(open).allSatisfy(client -> assertThat(client.closed).isNotDone());
        open.forEach(client -> client.socket.abort());
    }

    @Test
    void symbolsAreCountedOverEveryMessageOfASession() throws Exception {
        RawWebSocket client = connect(viewer(), null, true);
        for (int message = 0; message < 4; message++) {
            client.socket.sendText(RawWebSocket.subscribe(message * 1000, 1000), true).join();
            if (message < 3) {
                int acknowledged = message + 1;
                await().atMost(WAIT).until(() -> client.texts.stream().filter(t -> t.contains("\"subscribed\""))
                        .count() == acknowledged);
            }
        }

        assertThat(client.closed.get(30, TimeUnit.SECONDS))
                .isEqualTo("1008 subscription of 4000 symbols; at most 3000 per session");
    }

    @Test
    void aClientSendingTooFastIsClosed() throws Exception {
        RawWebSocket client = connect(viewer(), null, true);
        // 100 messages: more than 20 of them arrive within one second, however slow this machine is
        for (int i = 0; i < 100 && !client.closed.isDone(); i++) {
            client.socket.sendText("{\"action\":\"subscribe\",\"symbols\":[\"AAA\"],\"windows\":[\"1m\"]}", true)
                    .exceptionally(closedUnderUs -> null).join();
        }

        assertThat(client.closed.get(30, TimeUnit.SECONDS)).isEqualTo("1008 more than 20 messages per second");
    }
}
