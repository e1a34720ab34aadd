package io.ticklake.dashboard.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.websocket.WebSocketClient;
import io.ticklake.dashboard.testing.DashboardItConfig;
import io.ticklake.dashboard.testing.KpiFrames;
import io.ticklake.dashboard.testing.TestCredentials;
import io.ticklake.dashboard.testing.TickProducer;
import io.ticklake.infra.testing.TestPlatform;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Alert rules and alerts through the API on the real broker and registry: only an admin writes rules, a rule the
 * contract refuses answers 400 naming the field, a rule created through REST fires for the ticks produced after
 * it, and its alert reaches a WebSocket client subscribed to the alert channel (first provisional, then the
 * confirmed copy of the same alert; not a client subscribed to another kind) and {@code GET /api/alerts} (once:
 * the committed copy).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsApiIT implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DashboardItConfig it;
    private TickProducer producer;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    @Client("/")
    WebSocketClient webSockets;

    @Override
    public Map<String, String> getProperties() {
        it = new DashboardItConfig(TestPlatform.shared(), "alerts");
        return it.properties();
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
    void onlyAnAdminWritesRulesAndARefusedRuleNamesItsField() {
        String rule = "{\"symbol\":\"ACME\",\"kind\":\"PERCENT_MOVE\",\"level\":2.5,\"window\":\"2m\"}";
        assertThat(status(TestCredentials.viewer(HttpRequest.POST("/api/alert-rules", rule)))).isEqualTo(403);

        JsonNode unknownWindow = error(TestCredentials.admin(HttpRequest.POST("/api/alert-rules", rule)));
        assertThat(unknownWindow.get("parameter").asText()).isEqualTo("window");
        assertThat(unknownWindow.get("error").asText()).contains("unknown window '2m'");

        JsonNode unknownField = error(TestCredentials.admin(HttpRequest.POST("/api/alert-rules",
                "{\"symbol\":\"ACME\",\"kind\":\"PRICE_CROSS\",\"levl\":100}")));
        assertThat(unknownField.get("parameter").asText()).isEqualTo("levl");

        JsonNode wrongType = error(TestCredentials.admin(HttpRequest.POST("/api/alert-rules",
                "{\"symbol\":\"ACME\",\"kind\":\"PRICE_CROSS\",\"level\":\"high\"}")));
        assertThat(wrongType.get("parameter").asText()).isEqualTo("level");
    }

    @Test
    void aRuleCreatedThroughRestFiresForLaterTicksAndReachesTheSocketAndTheApi() throws Exception {
        try (KpiFrames socket = KpiFrames.connect(webSockets, WAIT);
             KpiFrames otherKind = KpiFrames.connect(webSockets, WAIT)) {
            socket.send("{\"action\":\"subscribe\",\"channel\":\"alerts\",\"symbols\":[\"ALRT\"]}");
            otherKind.send("{\"action\":\"subscribe\",\"channel\":\"alerts\",\"symbols\":[\"ALRT\"],"
                    + "\"kinds\":[\"VOLUME_SPIKE\"]}");
            for (KpiFrames subscriber : List.of(socket, otherKind)) {
                await().atMost(WAIT).until(() -> subscriber.ofType("subscribed")
                        .anyMatch(frame -> frame.get("channel").asText().equals("alerts")));
            }

            HttpResponse<String> created = http.toBlocking().exchange(TestCredentials.admin(HttpRequest.POST(
                    "/api/alert-rules", "{\"rule_id\":\"alrt-up-100\",\"symbol\":\"ALRT\",\"kind\":\"PRICE_CROSS\","
                            + "\"direction\":\"UP\",\"level\":100.0,\"cooldown_ms\":0}")
                    .contentType(MediaType.APPLICATION_JSON)), String.class);
            assertThat(created.code()).isEqualTo(201);
            JsonNode rule = MAPPER.readTree(created.body());
            assertThat(rule.get("enabled").asBoolean()).isTrue();
            assertThat(Instant.parse(rule.get("updated_at").asText())).isBefore(Instant.now().plusSeconds(1));
            // every instance lists it once its global store has read it
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(ruleIds())
                    .contains("alrt-up-100"));
            assertThat(status(TestCredentials.admin(HttpRequest.POST("/api/alert-rules",
                    "{\"rule_id\":\"alrt-up-100\",\"symbol\":\"ALRT\",\"kind\":\"PRICE_CROSS\",\"level\":1.0}"))))
                    .as("a second create of the same id").isEqualTo(409);

            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            producer.send("ALRT", 99.0, 10, now);
            producer.send("ALRT", 101.0, 10, now.plusMillis(10));

            // first the provisional copy (handed over before the commit), then the confirmed one: the same alert
            await().atMost(WAIT).untilAsserted(() -> assertThat(alertFrames(socket, "alrt-up-100"))
                    .extracting(frame -> frame.get("provisional").asBoolean()).containsExactly(true, false));
            List<JsonNode> frames = alertFrames(socket, "alrt-up-100");
            assertThat(identity(frames.get(1).get("alert"))).isEqualTo(identity(frames.get(0).get("alert")));
            assertThat(frames).map(frame -> frame.get("alert")).allSatisfy(alert -> {
                assertThat(alert.get("symbol").asText()).isEqualTo("ALRT");
                assertThat(alert.get("kind").asText()).isEqualTo("PRICE_CROSS");
                assertThat(Instant.parse(alert.get("event_time").asText())).isEqualTo(now.plusMillis(10));
                assertThat(alert.get("price").asDouble()).isEqualTo(101.0);
                assertThat(alert.get("threshold").asDouble()).isEqualTo(100.0);
            });
            assertThat(otherKind.ofType("alert")).as("neither copy for a session subscribed to another kind")
                    .isEmpty();
            await().atMost(WAIT).untilAsserted(() -> assertThat(get("/api/alerts?symbol=ALRT"))
                    .singleElement().satisfies(alert -> {
                        assertThat(alert.get("rule_id").asText()).isEqualTo("alrt-up-100");
                        assertThat(Instant.parse(alert.get("event_time").asText())).isEqualTo(now.plusMillis(10));
                    }));
            assertThat(error(TestCredentials.viewer(HttpRequest.GET("/api/alerts?symbol=acme")))
                    .get("parameter").asText()).isEqualTo("symbol");

            HttpResponse<String> deleted = http.toBlocking().exchange(TestCredentials.admin(
                    HttpRequest.DELETE("/api/alert-rules/alrt-up-100")), String.class);
            assertThat(deleted.code()).isEqualTo(204);
            await().atMost(WAIT).untilAsserted(() -> assertThat(status(TestCredentials.viewer(
                    HttpRequest.GET("/api/alert-rules/alrt-up-100")))).isEqualTo(404));
        }
    }

    /** The alert frames of {@code ruleId} that {@code socket} received, in order. */
    private static List<JsonNode> alertFrames(KpiFrames socket, String ruleId) {
        return socket.ofType("alert").filter(frame -> frame.get("alert").get("rule_id").asText().equals(ruleId))
                .toList();
    }

    /** What identifies an alert, whichever copy: (rule_id, symbol, event_time, kind). */
    private static List<String> identity(JsonNode alert) {
        return List.of(alert.get("rule_id").asText(), alert.get("symbol").asText(), alert.get("event_time").asText(),
                alert.get("kind").asText());
    }

    private List<String> ruleIds() throws Exception {
        return StreamSupport.stream(get("/api/alert-rules").spliterator(), false)
                .map(rule -> rule.get("rule_id").asText()).toList();
    }

    private JsonNode get(String path) throws Exception {
        return MAPPER.readTree(http.toBlocking().retrieve(TestCredentials.viewer(HttpRequest.GET(path)), String.class));
    }

    private int status(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    private JsonNode error(HttpRequest<?> request) {
        HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request, String.class));
        assertThat((Throwable) refused).as("a refusal").isNotNull();
        assertThat(refused.code()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        try {
            return MAPPER.readTree(refused.getResponse().getBody(String.class).orElseThrow());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
