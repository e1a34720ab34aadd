package io.ticklake.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.ticklake.dashboard.streams.NeverStartedStreams;
import io.ticklake.dashboard.testing.DashboardItConfig;
import io.ticklake.dashboard.testing.TestCredentials;
import io.ticklake.infra.testing.TestPlatform;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An instance whose Kafka Streams is not running: queries answer 503 with Retry-After, readiness is DOWN. */
@MicronautTest(environments = NeverStartedStreams.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotReadyIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return new DashboardItConfig(TestPlatform.shared(), "not-ready").properties();
    }

    private HttpClientResponseException error(String uri) {
        return error(TestCredentials.viewer(HttpRequest.GET(uri)));
    }

    private HttpClientResponseException error(MutableHttpRequest<?> request) {
        return catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(request, String.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/symbols", "/api/kpis/AAA?window=1m", "/api/kpis?window=5m", "/api/kpis/AAA/latest",
            "/kpis/local/latest?symbol=AAA&window=1m"})
    void queriesAnswerServiceUnavailableWithRetryAfter(String uri) {
        // the forwarding paths answer another instance only
        HttpClientResponseException e = uri.startsWith("/kpis/")
                ? error(TestCredentials.cluster(HttpRequest.GET(uri))) : error(uri);

        assertThat(e.code()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
        assertThat(Integer.parseInt(e.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER))).isPositive();
        ApiError body = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertThat(body.error()).contains("starting");
        assertThat(body.retryAfterMs()).isPositive();
    }

    @Test
    void listensOnLoopbackOnlyByDefault() throws Exception {
        List<InetAddress> external = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress()).toList();
        assumeThat(external).as("a non-loopback address to try").isNotEmpty();

        for (InetAddress address : external) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, server.getPort()), 2_000);
                }
            }).as("connecting to %s:%d", address, server.getPort()).isInstanceOf(IOException.class);
        }
        assertThat(client.toBlocking().retrieve(HttpRequest.GET("/health/liveness"), String.class)).contains("UP");
    }

    @Test
    void badInputIsStillReportedAsSuch() {
        assertThat(error("/api/kpis/AAA?window=7m").code()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
    }

    @Test
    void isAliveButNotReady() {
        HttpClientResponseException readiness = error("/health/readiness");
        HttpClientResponseException anonymousReadiness = error(HttpRequest.GET("/health/readiness"));
        String liveness = client.toBlocking().retrieve(HttpRequest.GET("/health/liveness"), String.class);

        assertThat(readiness.code()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
        assertThat(readiness.getResponse().getBody(String.class).orElseThrow()).contains("DOWN")
                .contains("NOT_STARTED");
        // a probe without credentials learns the status, not the details
        assertThat(anonymousReadiness.code()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
        assertThat(anonymousReadiness.getResponse().getBody(String.class).orElseThrow()).contains("DOWN")
                .doesNotContain("NOT_STARTED");
        assertThat(liveness).contains("\"status\":\"UP\"");
    }
}
