package io.ticklake.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.schemas.registry.InMemorySchemaRegistryClient;
import io.ticklake.streams.KpiTopology;
import io.ticklake.streams.StreamsAppConfig;
import io.ticklake.streams.host.ForwardingEndpoint;
import io.ticklake.streams.http.KpiHttpServer;
import io.ticklake.streams.testing.ItConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The query service and its HTTP endpoint before Kafka Streams runs: every answer is "unavailable, retry", bad requests are 400. */
class KpiQueryServiceTest {

    private final String scope = "query-test-" + System.nanoTime();
    private KafkaStreams streams;
    private StreamsAppConfig config;
    private KpiHttpServer http;
    private HttpKpiRemoteClient remote;
    /** What the endpoint serves: nothing yet ("starting"), as in a host before it starts Kafka Streams. */
    private final AtomicReference<KpiQueryService> attached = new AtomicReference<>();

    @BeforeEach
    void notStarted() {
        Map<String, Object> props = new HashMap<>();
        props.put(StreamsAppConfig.BOOTSTRAP_SERVERS, "127.0.0.1:9");
        props.put(StreamsAppConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
        props.put(StreamsAppConfig.STATE_DIR, ItConfig.tempDir("query-test-").toString());
        http = new KpiHttpServer(new InetSocketAddress("127.0.0.1", 0), new ForwardingEndpoint(() -> {
            KpiQueryService service = attached.get();
            if (service == null) {
                throw new KpiUnavailableException("this instance is starting; retry", Duration.ofSeconds(1));
            }
            return service;
        }), java.util.Optional.empty());
        props.put(StreamsAppConfig.APPLICATION_SERVER, "127.0.0.1:" + http.port());
        config = new StreamsAppConfig(props);
        streams = new KafkaStreams(KpiTopology.topology(config), config.streamsProperties());
        remote = new HttpKpiRemoteClient(Duration.ofSeconds(5), Duration.ofSeconds(1));
    }

    @AfterEach
    void close() {
        http.close();
        streams.close(Duration.ofSeconds(5));
        InMemorySchemaRegistryClient.dropScope(scope);
    }

    @Test
    void everyQueryIsUnavailableUntilStreamsRuns() {
        KpiQueryService service = new KpiQueryService(streams, config, remote);
        assertThatThrownBy(() -> service.latest("AAPL", "1m")).isInstanceOf(KpiUnavailableException.class)
                .hasMessageContaining("CREATED").hasMessageContaining("retry");
        assertThatThrownBy(() -> service.latestAll("5m")).isInstanceOf(KpiUnavailableException.class);
        assertThatThrownBy(() -> service.localLatest("AAPL", "1m", 0, false))
                .isInstanceOf(KpiUnavailableException.class)
                .satisfies(e -> assertThat(((KpiUnavailableException) e).retryAfter()).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void badArgumentsAreRejectedBeforeAnythingElse() {
        KpiQueryService service = new KpiQueryService(streams, config, remote);
        assertThat(service.windows()).containsExactly("1m", "5m", "15m", "1h");
        assertThatThrownBy(() -> service.latest("AAPL", "2m")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown window '2m'; known: 1m, 5m, 15m, 1h");
        Instant now = Instant.parse("2026-11-20T14:00:00Z");
        assertThatThrownBy(() -> service.range("AAPL", "1m", now, now)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from < to");
        assertThatThrownBy(() -> new KpiQueryService(streams, config.with(StreamsAppConfig.APPLICATION_SERVER, ""),
                remote)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("application.server");
    }

    @Test
    void theHttpEndpointMapsUnavailableTo503WithRetryAfterAndBadRequestsTo400() throws Exception {
        HostInfo self = new HostInfo("127.0.0.1", http.port());
        assertThatThrownBy(() -> remote.latest(self, "AAPL", "1m", 0, false))
                .isInstanceOf(KpiUnavailableException.class).hasMessageContaining("starting");

        attached.set(new KpiQueryService(streams, config, remote));
        assertThatThrownBy(() -> remote.latestAll(self, "1m", Set.of(0, 1), false))
                .isInstanceOf(KpiUnavailableException.class)
                .satisfies(e -> assertThat(((KpiUnavailableException) e).retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        HttpResponse<String> unavailable = get(self, "/kpis/latest?symbol=AAPL&window=1m");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).contains("1");
        assertThat(unavailable.body()).contains("\"retry_after_ms\":1000");

        assertThat(get(self, "/kpis/latest?symbol=AAPL&window=2m").statusCode()).isEqualTo(400);
        HttpResponse<String> missing = get(self, "/kpis/range?symbol=AAPL&window=1m&from=2026-11-20T14:00:00Z");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("'to' is required");
        assertThat(get(self, "/kpis/range?symbol=AAPL&window=1m&from=yesterday&to=today").body())
                .contains("ISO-8601");
        assertThatThrownBy(() -> remote.latest(self, "AAPL", "7x", 0, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown window");
    }

    @Test
    void anUnreachableOwnerIsUnavailableToo() {
        HostInfo nobody = new HostInfo("127.0.0.1", 9);
        assertThatThrownBy(() -> remote.latest(nobody, "AAPL", "1m", 0, false))
                .isInstanceOf(KpiUnavailableException.class).hasMessageContaining("cannot be reached");
    }

    private static HttpResponse<String> get(HostInfo host, String pathAndQuery) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + host.host() + ":"
                + host.port() + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
