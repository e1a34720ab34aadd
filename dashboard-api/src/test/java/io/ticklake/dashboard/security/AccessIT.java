package io.ticklake.dashboard.security;

import static io.ticklake.dashboard.testing.TestCredentials.admin;
import static io.ticklake.dashboard.testing.TestCredentials.cluster;
import static io.ticklake.dashboard.testing.TestCredentials.viewer;
import static io.ticklake.dashboard.testing.TestCredentials.viewerUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.websocket.WebSocketClient;
import io.ticklake.dashboard.streams.NeverStartedStreams;
import io.ticklake.dashboard.testing.DashboardItConfig;
import io.ticklake.dashboard.testing.KpiFrames;
import io.ticklake.dashboard.testing.TestCredentials;
import io.ticklake.infra.testing.TestPlatform;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

/**
 * Who may call what, on a running server (Kafka Streams not started: an allowed query answers 503, a
 * refused one 401 or 403 before it reaches the controller): no credential is 401 with a Basic challenge
 * and no data, the viewer reads the API, the page and the WebSocket but not the admin endpoints, the
 * admin reads both, only the cluster secret opens the forwarding paths, and liveness is open to all.
 */
@MicronautTest(environments = NeverStartedStreams.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessIT implements TestPropertyProvider {

    private DashboardItConfig it;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    @Client("/")
    WebSocketClient webSockets;

    @Override
    public Map<String, String> getProperties() {
        it = new DashboardItConfig(TestPlatform.shared(), "access");
        return it.properties();
    }

    private int status(MutableHttpRequest<?> request) {
        return exchange(request).code();
    }

    private HttpResponse<String> exchange(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.<String>status(e.getStatus()).headers(headers -> e.getResponse().getHeaders()
                    .forEach((name, values) -> values.forEach(value -> headers.add(name, value))))
                    .body(e.getResponse().getBody(String.class).orElse(""));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/dashboard.js", "/api/symbols", "/api/kpis/AAA", "/api/history/daily/AAA",
            "/swagger/ticklake-dashboard-api-0.1.yml", "/prometheus", "/beans",
            "/kpis/local/latest?symbol=AAA&window=1m", "/ws/kpis"})
    void withoutCredentialsEverythingButTheProbesIsUnauthorized(String uri) {
        HttpResponse<String> answer = exchange(HttpRequest.GET(uri));

        assertThat(answer.code()).isEqualTo(401);
        assertThat(answer.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        // no data: no KPI field, no metric, not the page; the API's error naming what to send
        assertThat(answer.body()).doesNotContain("last_price", "\"close\"", "ticklake_", "<html", "echarts",
                "openapi").contains("\"parameter\":\"Authorization\"").contains("authentication required");
    }

    @Test
    void wrongCredentialsAreUnauthorized() {
        assertThat(status(HttpRequest.GET("/api/symbols").bearerAuth("not-a-token"))).isEqualTo(401);
        assertThat(status(HttpRequest.GET("/api/symbols").basicAuth(TestCredentials.VIEWER_USER, "wrong")))
                .isEqualTo(401);
        // a token is not a password, nor a password a token
        assertThat(status(HttpRequest.GET("/api/symbols").bearerAuth(TestCredentials.VIEWER_PASSWORD)))
                .isEqualTo(401);
        assertThat(status(HttpRequest.GET("/api/symbols").basicAuth(TestCredentials.ADMIN_USER,
                TestCredentials.VIEWER_PASSWORD))).isEqualTo(401);
    }

    @Test
    void theProbesAreOpen() {
        assertThat(status(HttpRequest.GET("/health/liveness"))).isEqualTo(200);
        assertThat(status(HttpRequest.GET("/health/readiness"))).isEqualTo(503);
    }

    @Test
    void theViewerReadsTheApiAndThePageButNoAdminEndpoint() {
        assertThat(status(viewer(HttpRequest.GET("/api/symbols")))).isEqualTo(503);
        assertThat(status(viewerUser(HttpRequest.GET("/api/symbols")))).isEqualTo(503);
        assertThat(status(viewerUser(HttpRequest.GET("/")))).isEqualTo(200);
        assertThat(status(viewer(HttpRequest.GET("/swagger/ticklake-dashboard-api-0.1.yml")))).isEqualTo(200);

        HttpResponse<String> forbidden = exchange(viewer(HttpRequest.GET("/prometheus")));
        assertThat(forbidden.code()).isEqualTo(403);
        assertThat(forbidden.body()).contains("may not call /prometheus").doesNotContain("ticklake_");
        assertThat(status(viewerUser(HttpRequest.GET("/beans")))).isEqualTo(403);
        assertThat(status(viewer(HttpRequest.GET("/kpis/local/latest?symbol=AAA&window=1m")))).isEqualTo(403);
    }

    @Test
    void theAdminReadsTheAdminEndpointsAndTheApi() {
        assertThat(status(admin(HttpRequest.GET("/prometheus")))).isEqualTo(200);
        assertThat(status(HttpRequest.GET("/prometheus").basicAuth(TestCredentials.ADMIN_USER,
                TestCredentials.ADMIN_PASSWORD))).isEqualTo(200);
        assertThat(status(admin(HttpRequest.GET("/api/symbols")))).isEqualTo(503);
    }

    @Test
    void theClusterSecretOpensTheForwardingPathsOnly() {
        assertThat(status(cluster(HttpRequest.GET("/kpis/local/latest?symbol=AAA&window=1m")))).isEqualTo(503);
        assertThat(status(cluster(HttpRequest.GET("/api/symbols")))).isEqualTo(403);
        assertThat(status(cluster(HttpRequest.GET("/prometheus")))).isEqualTo(403);
    }

    @Test
    void theWebSocketHandshakeNeedsCredentials() {
        assertThatThrownBy(() -> Mono.from(webSockets.connect(KpiFrames.class, "/ws/kpis"))
                .block(Duration.ofSeconds(10))).hasMessageContaining("401");

        try (KpiFrames frames = KpiFrames.connect(webSockets, Duration.ofSeconds(10))) {
            assertThat(frames).isNotNull();
        }
    }

    @Test
    void refusesToListenBeyondLoopbackWithoutCredentials() {
        Map<String, Object> exposed = new HashMap<>(it.properties());
        exposed.keySet().removeIf(key -> key.startsWith("ticklake.security."));
        exposed.put("micronaut.server.host", "0.0.0.0");

        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, exposed,
                NeverStartedStreams.ENVIRONMENT).close())
                .hasStackTraceContaining("ticklake.security.viewer-password")
                .hasStackTraceContaining("micronaut.server.host=0.0.0.0");
    }
}
