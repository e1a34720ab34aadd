package io.ticklake.dashboard.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.websocket.WebSocketClient;
import io.ticklake.dashboard.testing.DashboardItConfig;
import io.ticklake.dashboard.testing.KpiFrames;
import io.ticklake.dashboard.testing.TickProducer;
import io.ticklake.infra.testing.TestPlatform;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /ws/kpis} on the real broker: subscriptions are acknowledged, KPI updates of produced ticks
 * arrive as they are committed and only for what was subscribed, a malformed subscription gets an
 * error frame without closing the session, and heartbeats flow.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiWebSocketIT implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private DashboardItConfig it;
    private TickProducer producer;

    @Inject
    @Client("/")
    WebSocketClient webSockets;

    @Override
    public Map<String, String> getProperties() {
        it = new DashboardItConfig(TestPlatform.shared(), "ws");
        Map<String, String> props = it.properties();
        props.put("ticklake.push.heartbeat-interval", "1s");
        return props;
    }

    @BeforeAll
    void startProducer() {
        producer = new TickProducer(it.platform.kafkaBootstrapServers(), it.platform.schemaRegistryUrl(), it.ticks);
        // streams and the feed are up once a first tick's KPI reaches a client
        try (KpiFrames all = connect()) {
            all.send("{\"action\":\"subscribe\",\"symbols\":[\"*\"],\"windows\":[\"1m\"]}");
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                producer.send("WARM", 1.0, 1, Instant.now());
                await().atMost(Duration.ofSeconds(2)).until(() -> all.kpis().anyMatch(kpi -> kpi.get("symbol")
                        .asText().equals("WARM")));
            });
        }
    }

    @AfterAll
    void closeProducer() {
        producer.close();
    }

    private KpiFrames connect() {
        return KpiFrames.connect(webSockets, WAIT);
    }

    @Test
    void pushesTheUpdatesOfSubscribedSymbolsOnly() {
        try (KpiFrames aaa = connect(); KpiFrames all = connect()) {
            aaa.send("{\"action\":\"subscribe\",\"symbols\":[\"AAA\"],\"windows\":[\"1m\",\"5m\"]}");
            all.send("{\"action\":\"subscribe\",\"symbols\":[\"*\"],\"windows\":[\"1m\"]}");
            await().atMost(WAIT).until(() -> aaa.ofType("subscribed").anyMatch(frame ->
                    frame.get("subscription").toString().equals("{\"1m\":[\"AAA\"],\"5m\":[\"AAA\"]}")));
            await().atMost(WAIT).until(() -> all.ofType("subscribed").findAny().isPresent());

            producer.send("AAA", 42.5, 10, Instant.now());
            await().atMost(WAIT).until(() -> aaa.kpis().anyMatch(kpi -> is(kpi, "AAA", "1m", 42.5)));
            await().atMost(WAIT).until(() -> aaa.kpis().anyMatch(kpi -> is(kpi, "AAA", "5m", 42.5)));

            // once the hub has pushed BBB to the wildcard session, a later AAA update shows what the AAA session got
            producer.send("BBB", 7.0, 10, Instant.now());
            await().atMost(WAIT).until(() -> all.kpis().anyMatch(kpi -> is(kpi, "BBB", "1m", 7.0)));
            producer.send("AAA", 44.0, 10, Instant.now());
            await().atMost(WAIT).until(() -> aaa.kpis().anyMatch(kpi -> is(kpi, "AAA", "1m", 44.0)));

            assertThat(aaa.kpis().map(kpi -> kpi.get("symbol").asText())).containsOnly("AAA");
            assertThat(aaa.kpis()).allSatisfy(kpi -> assertThat(kpi.get("window").asText()).isIn("1m", "5m"));
        }
    }

    @Test
    void aMalformedSubscriptionGetsAnErrorFrameAndTheSessionStaysOpen() {
        try (KpiFrames client = connect()) {
            client.send("{\"action\":\"subscribe\",\"symbols\":[\"CCC\"],\"windows\":[\"2m\"]}");
            await().atMost(WAIT).until(() -> client.ofType("error").findAny().isPresent());
            JsonNode error = client.ofType("error").findFirst().orElseThrow();
            assertThat(error.get("field").asText()).isEqualTo("windows");
            assertThat(error.get("error").asText()).contains("unknown window '2m'");

            client.send("subscribe me to everything");
            await().atMost(WAIT).until(() -> client.ofType("error").count() == 2);
            assertThat(client.ofType("error").skip(1).findFirst().orElseThrow().get("error").asText())
                    .startsWith("not JSON");

            client.send("{\"action\":\"subscribe\",\"symbols\":[\"CCC\"],\"windows\":[\"1m\"]}");
            await().atMost(WAIT).until(() -> client.ofType("subscribed").findAny().isPresent());
            producer.send("CCC", 3.25, 1, Instant.now());
            await().atMost(WAIT).until(() -> client.kpis().anyMatch(kpi -> is(kpi, "CCC", "1m", 3.25)));
        }
    }

    @Test
    void unsubscribingStopsTheUpdates() {
        try (KpiFrames client = connect(); KpiFrames all = connect()) {
            client.send("{\"action\":\"subscribe\",\"symbols\":[\"DDD\",\"EEE\"],\"windows\":[\"1m\"]}");
            all.send("{\"action\":\"subscribe\",\"symbols\":[\"*\"],\"windows\":[\"1m\"]}");
            client.send("{\"action\":\"unsubscribe\",\"symbols\":[\"DDD\"]}");
            await().atMost(WAIT).until(() -> client.ofType("subscribed").anyMatch(frame ->
                    frame.get("subscription").toString().equals("{\"1m\":[\"EEE\"]}")));
            await().atMost(WAIT).until(() -> all.ofType("subscribed").findAny().isPresent());

            producer.send("DDD", 5.0, 1, Instant.now());
            await().atMost(WAIT).until(() -> all.kpis().anyMatch(kpi -> is(kpi, "DDD", "1m", 5.0)));
            producer.send("EEE", 6.0, 1, Instant.now());
            await().atMost(WAIT).until(() -> client.kpis().anyMatch(kpi -> is(kpi, "EEE", "1m", 6.0)));

            assertThat(client.kpis().map(kpi -> kpi.get("symbol").asText())).containsOnly("EEE");
        }
    }

    @Test
    void sendsHeartbeats() {
        try (KpiFrames client = connect()) {
            await().atMost(WAIT).until(() -> client.ofType("heartbeat").count() >= 2);
            assertThat(Instant.parse(client.ofType("heartbeat").findFirst().orElseThrow().get("time").asText()))
                    .isBefore(Instant.now().plusSeconds(1));
        }
    }

    private static boolean is(JsonNode kpi, String symbol, String window, double close) {
        return kpi.get("symbol").asText().equals(symbol) && kpi.get("window").asText().equals(window)
                && kpi.get("close").asDouble() == close;
    }

}
