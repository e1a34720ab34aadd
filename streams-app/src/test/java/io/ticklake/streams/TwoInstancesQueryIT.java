package io.ticklake.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.query.KpiJson;
import io.ticklake.streams.query.KpiQueryService;
import io.ticklake.streams.query.KpiUnavailableException;
import io.ticklake.streams.testing.ExpectedKpis;
import io.ticklake.streams.testing.ItConfig;
import io.ticklake.streams.testing.KafkaTestIo;
import io.ticklake.streams.testing.TickScript;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances on loopback share the partitions; a query sent to either answers the same for
 * every symbol and window (forwarding to the owner over HTTP), and when one leaves the other
 * answers everything, with "unavailable" the only other answer while partitions move.
 */
@ExtendWith(LocalPlatformExtension.class)
class TwoInstancesQueryIT {

    static final Map<String, Long> WINDOWS = Map.of("1m", 60_000L, "5m", 300_000L, "15m", 900_000L,
            "1h", 3_600_000L);

    @Test
    void eitherInstanceAnswersTheSameForEverySymbol(TestPlatform platform) throws Exception {
        ItConfig it = new ItConfig(platform, "iq", 6);
        Map<String, Object> overrides = Map.of(StreamsAppConfig.APPLICATION_SERVER, "127.0.0.1:0",
                StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        List<String> symbols = TickScript.symbols(12);
        List<StockTick> ticks = TickScript.minutes(symbols, t0, 0, 20, 5, 42);
        Map<String, WindowKpi> expected = ExpectedKpis.compute(ticks, WINDOWS);

        try (StreamsApp first = StreamsApp.start(new StreamsAppConfig(it.instance(overrides)));
             StreamsApp second = StreamsApp.start(new StreamsAppConfig(it.instance(overrides)))) {
            try (KafkaProducer<String, Object> producer = KafkaTestIo.tickProducer(platform.kafkaBootstrapServers(),
                    platform.schemaRegistryUrl())) {
                for (StockTick tick : ticks) {
                    producer.send(new ProducerRecord<>(it.ticks, tick.getSymbol(), tick));
                }
                producer.flush();
            }
            KpiQueryService a = first.instance().queries();
            KpiQueryService b = second.instance().queries();
            await().atMost(Duration.ofSeconds(90)).until(() -> bothOwnPartitions(first, second)
                    && answersAll(a, symbols, expected, t0) && answersAll(b, symbols, expected, t0));

            for (String symbol : symbols) {
                for (String window : WINDOWS.keySet()) {
                    assertThat(a.latest(symbol, window)).isEqualTo(b.latest(symbol, window));
                }
                Instant from = t0;
                Instant to = t0.plus(Duration.ofMinutes(25));
                List<WindowKpi> range = a.range(symbol, "5m", from, to);
                assertThat(range).isEqualTo(b.range(symbol, "5m", from, to)).hasSize(5);
                for (WindowKpi kpi : range) {
                    ExpectedKpis.assertSameKpi(kpi, expected.get(ExpectedKpis.key(kpi)));
                }
            }
            for (String window : WINDOWS.keySet()) {
                List<WindowKpi> all = a.latestAll(window);
                assertThat(all).isEqualTo(b.latestAll(window));
                assertThat(all).extracting(WindowKpi::getSymbol).containsExactlyElementsOf(symbols);
                all.forEach(kpi -> ExpectedKpis.assertSameKpi(kpi, expected.get(ExpectedKpis.key(kpi))));
            }

            // the HTTP endpoint of the second instance routes the same way
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://" + b.self().host() + ":" + b.self().port() + "/kpis/latest?symbol=SYM03&window=15m"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(KpiJson.readOne(response.body())).isEqualTo(a.latest("SYM03", "15m").orElseThrow());
            HttpResponse<String> badWindow = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://" + b.self().host() + ":" + b.self().port() + "/kpis/latest?symbol=SYM03&window=2m"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(badWindow.statusCode()).isEqualTo(400);
            assertThat(badWindow.body()).contains("unknown window '2m'");

            // one instance leaves: the other takes over its partitions, never answering wrongly meanwhile
            second.close();
            await().atMost(Duration.ofSeconds(90)).until(() -> first.instance().isReady()
                    && answersAll(a, symbols, expected, t0));
            assertThat(first.instance().streams().metadataForLocalThreads().iterator().next().activeTasks()).hasSize(6);
        }
    }

    private static boolean bothOwnPartitions(StreamsApp first, StreamsApp second) {
        return !first.instance().streams().metadataForLocalThreads().iterator().next().activeTasks().isEmpty()
                && !second.instance().streams().metadataForLocalThreads().iterator().next().activeTasks().isEmpty();
    }

    /**
     * True when {@code service} answers the latest KPI of every symbol and window exactly as
     * expected; false while it answers "unavailable". Any other answer fails the test at once.
     */
    private static boolean answersAll(KpiQueryService service, List<String> symbols, Map<String, WindowKpi> expected,
                                      Instant t0) {
        try {
            Map<String, WindowKpi> latestExpected = new TreeMap<>();
            expected.forEach((key, kpi) -> latestExpected.merge(kpi.getSymbol() + " " + kpi.getWindow(), kpi,
                    (x, y) -> x.getWindowStart().isAfter(y.getWindowStart()) ? x : y));
            for (String symbol : symbols) {
                for (String window : WINDOWS.keySet()) {
                    WindowKpi want = latestExpected.get(symbol + " " + window);
                    var got = service.latest(symbol, window);
                    if (got.isEmpty() || !got.get().getWindowStart().equals(want.getWindowStart())
                            || got.get().getTradeCount() != want.getTradeCount()) {
                        // not caught up with the input yet (update mode shows progress): only ever behind, never ahead
                        assertThat(got.map(kpi -> kpi.getWindowStart()).orElse(t0)).isBeforeOrEqualTo(want.getWindowStart());
                        return false;
                    }
                    ExpectedKpis.assertSameKpi(got.get(), want);
                }
            }
            return true;
        } catch (KpiUnavailableException e) {
            return false;
        }
    }
}
