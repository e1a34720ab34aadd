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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The provisional push on the real broker, with a commit interval far above the push latency: a tick
 * reaches the WebSocket in a frame flagged {@code "provisional": true} before its transaction commits,
 * and the committed value of the same window follows in a frame flagged {@code "provisional": false},
 * with the same values.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvisionalPushIT implements TestPropertyProvider {

    /** Long enough that a tick produced just after one commit is pushed long before the next one. */
    private static final long COMMIT_INTERVAL_MS = 6_000;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private DashboardItConfig it;
    private TickProducer producer;

    @Inject
    @Client("/")
    WebSocketClient webSockets;

    @Override
    public Map<String, String> getProperties() {
        it = new DashboardItConfig(TestPlatform.shared(), "provisional");
        Map<String, String> props = it.properties();
        props.put("ticklake.streams.config.commit.interval.ms", Long.toString(COMMIT_INTERVAL_MS));
        return props;
    }

    @BeforeAll
    void startProducer() {
        producer = new TickProducer(it.platform.kafkaBootstrapServers(), it.platform.schemaRegistryUrl(), it.ticks);
    }

    @AfterAll
    void closeProducer() {
        producer.close();
    }

    @Test
    void aTickIsPushedProvisionallyBeforeItsCommitThenConfirmedWithTheSameValues() {
        try (KpiFrames client = KpiFrames.connect(webSockets, WAIT)) {
            client.send("{\"action\":\"subscribe\",\"symbols\":[\"*\"],\"windows\":[\"1m\",\"5m\"]}");
            await().atMost(WAIT).until(() -> client.ofType("subscribed").findAny().isPresent());
            awaitCommitOf(client, "SYNC");

            // a commit has just happened: the next one is about COMMIT_INTERVAL_MS away
            Instant produced = Instant.now();
            producer.send("PROV", 42.5, 7, produced);
            await().atMost(WAIT).until(() -> updates(client, "PROV", "1m").findAny().isPresent());
            long provisionalAfterMs = System.currentTimeMillis() - produced.toEpochMilli();

            Update first = updates(client, "PROV", "1m").findFirst().orElseThrow();
            assertThat(first.provisional()).as("the first frame of the tick is provisional").isTrue();
            assertThat(first.kpi().get("close").asDouble()).isEqualTo(42.5);
            assertThat(first.kpi().get("trade_count").asLong()).isEqualTo(1);
            assertThat(provisionalAfterMs).as("provisional push before the commit interval ran out")
                    .isLessThan(COMMIT_INTERVAL_MS);
            await().atMost(WAIT).until(() -> updates(client, "PROV", "5m").anyMatch(Update::provisional));

            await().atMost(WAIT).until(() -> updates(client, "PROV", "1m").anyMatch(update -> !update.provisional()));
            Update confirmed = updates(client, "PROV", "1m").filter(update -> !update.provisional()).findFirst()
                    .orElseThrow();
            assertThat(confirmed.kpi()).isEqualTo(first.kpi());
            assertThat(confirmed.arrival()).isGreaterThan(first.arrival());
            await().atMost(WAIT).until(() -> updates(client, "PROV", "5m").anyMatch(update -> !update.provisional()));
            assertThat(updates(client, "PROV", "5m").filter(update -> !update.provisional()).findFirst().orElseThrow()
                    .kpi()).isEqualTo(updates(client, "PROV", "5m").findFirst().orElseThrow().kpi());

            // every frame says which kind it is, and a KPI object looks the same in both
            assertThat(client.ofType("kpis")).allSatisfy(frame -> assertThat(frame.get("provisional").isBoolean())
                    .isTrue());
        }
    }

    /** Produces a tick of {@code symbol} until its committed KPI arrives: streams and the feed run, a commit just passed. */
    private void awaitCommitOf(KpiFrames client, String symbol) {
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> {
            producer.send(symbol, 1.0, 1, Instant.now());
            await().atMost(Duration.ofMillis(COMMIT_INTERVAL_MS * 2)).until(() -> updates(client, symbol, "1m")
                    .anyMatch(update -> !update.provisional()));
        });
    }

    /** A KPI as a client saw it: the frame's flag and the frame's position in arrival order. */
    record Update(JsonNode kpi, boolean provisional, int arrival) {
    }


    /** The KPIs of a symbol and window as the client saw them, with their frame's flag and arrival position. */
    private static Stream<Update> updates(KpiFrames client, String symbol, String window) {
        List<JsonNode> snapshot = client.frames();
        return java.util.stream.IntStream.range(0, snapshot.size()).boxed()
                .filter(i -> snapshot.get(i).get("type").asText().equals("kpis"))
                .flatMap(i -> StreamSupport.stream(snapshot.get(i).get("kpis").spliterator(), false)
                        .map(kpi -> new Update(kpi, snapshot.get(i).get("provisional").asBoolean(), i)))
                .filter(update -> update.kpi().get("symbol").asText().equals(symbol)
                        && update.kpi().get("window").asText().equals(window));
    }
}
