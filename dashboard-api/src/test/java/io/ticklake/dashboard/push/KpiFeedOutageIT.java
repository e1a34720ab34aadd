package io.ticklake.dashboard.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.websocket.WebSocketClient;
import io.ticklake.dashboard.testing.DashboardItConfig;
import io.ticklake.dashboard.testing.KpiFrames;
import io.ticklake.dashboard.testing.TickProducer;
import io.ticklake.dashboard.testing.TestCredentials;
import io.ticklake.infra.testing.TestPlatform;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The confirmed KPI feed through broker outages, on a platform of its own: the dashboard starts while
 * the broker is down (readiness DOWN naming the feed), pushes once the broker is up, reports DOWN again
 * when the broker stops, and pushes again after it restarts on the same port.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiFeedOutageIT implements TestPropertyProvider {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration OUTAGE_NOTICED = Duration.ofSeconds(60);
    private static final Duration RECOVERED = Duration.ofSeconds(180);

    private final TestPlatform platform = TestPlatform.isolated();
    private DashboardItConfig it;
    private String bootstrap;
    private TickProducer producer;

    @Inject
    ApplicationContext context;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    @Client("/")
    WebSocketClient webSockets;

    @Override
    public Map<String, String> getProperties() {
        it = new DashboardItConfig(platform, "outage");
        Map<String, String> props = it.properties();
        // the platform's accessors start a stopped service: keep the addresses, then take the broker down
        bootstrap = platform.kafkaBootstrapServers();
        producer = new TickProducer(bootstrap, platform.schemaRegistryUrl(), it.ticks);
        platform.kafka().stop();
        return props;
    }

    @AfterAll
    void stopEverything() {
        context.stop();
        producer.close();
        platform.close();
    }

    @Test
    void theFeedWaitsForTheBrokerReportsNotReadyWhileItIsDownAndResumes() {
        try (KpiFrames client = KpiFrames.connect(webSockets, Duration.ofSeconds(30))) {
            client.send("{\"action\":\"subscribe\",\"symbols\":[\"*\"],\"windows\":[\"1m\"]}");

            // started without a broker
            await().atMost(OUTAGE_NOTICED).until(() -> feedHealth().equals("DOWN"));
            platform.kafka().start();
            awaitConfirmedPush(client, "FIRST", 10.0);
            await().atMost(RECOVERED).until(() -> readiness().code() == 200);

            // an outage while running
            platform.kafka().stop();
            await().atMost(OUTAGE_NOTICED).until(() -> feedHealth().equals("DOWN"));
            assertThat(readiness().code()).isEqualTo(503);
            platform.kafka().start();
            awaitConfirmedPush(client, "AFTER", 20.0);
            await().atMost(RECOVERED).until(() -> feedHealth().equals("UP"));
        }
    }

    /** Produces ticks of {@code symbol} until one's committed KPI reaches the client. */
    private void awaitConfirmedPush(KpiFrames client, String symbol, double price) {
        await().atMost(RECOVERED).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
            producer.send(symbol, price, 1, Instant.now());
            return client.confirmedKpis().anyMatch(kpi -> kpi.get("symbol").asText().equals(symbol)
                    && kpi.get("close").asDouble() == price);
        });
    }

    private HttpResponse<String> readiness() {
        try {
            return http.toBlocking().exchange(TestCredentials.viewer(HttpRequest.GET("/health/readiness")),
                    String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.<String>status(e.getStatus()).body(e.getResponse().getBody(String.class).orElse(""));
        }
    }

    /** The status of the KPI feed's readiness component. */
    private String feedHealth() throws IOException {
        JsonNode body = MAPPER.readTree(readiness().body());
        JsonNode feed = body.path("details").path("kpi-feed");
        return feed.isMissingNode() ? "MISSING" : feed.path("status").asText();
    }

}
