package io.ticklake.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.query.KpiQueryService;
import io.ticklake.streams.query.KpiUnavailableException;
import io.ticklake.streams.testing.Crc32Partitioner;
import io.ticklake.streams.testing.ExpectedKpis;
import io.ticklake.streams.testing.ItConfig;
import io.ticklake.streams.testing.KafkaTestIo;
import io.ticklake.streams.testing.TickScript;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ticks from producers that are not Java's default: a CRC32 partitioner (librdkafka's, as confluent-kafka uses),
 * a symbol spread over several partitions, and records without a key, on the real broker with two shipped
 * instances, so that a query sent to either is forwarded by the partition the ticks really are on.
 */
@ExtendWith(LocalPlatformExtension.class)
class SymbolRoutingIT {

    private static final int PARTITIONS = 6;
    private static final Map<String, Long> ONE_MINUTE = Map.of("1m", 60_000L);

    @Test
    void ticksOfACrc32ProducerAreAnsweredPerSymbolByEitherInstance(TestPlatform platform) throws Exception {
        ItConfig it = new ItConfig(platform, "crc32", PARTITIONS);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        List<String> symbols = TickScript.symbols(12).stream()
                .filter(symbol -> crc32(symbol) != murmur2(symbol)).toList();
        assertThat(symbols).hasSizeGreaterThan(3);
        List<StockTick> ticks = TickScript.minutes(symbols, t0, 0, 2, 5, 7);
        Map<String, WindowKpi> expected = ExpectedKpis.compute(ticks, ONE_MINUTE);
        Map<String, Object> overrides = Map.of(StreamsAppConfig.APPLICATION_SERVER, "127.0.0.1:0");

        try (StreamsApp first = StreamsApp.start(new StreamsAppConfig(it.instance(overrides)));
             StreamsApp second = StreamsApp.start(new StreamsAppConfig(it.instance(overrides)));
             KafkaProducer<String, Object> producer = KafkaTestIo.tickProducer(platform.kafkaBootstrapServers(),
                     platform.schemaRegistryUrl(), Map.of(ProducerConfig.PARTITIONER_CLASS_CONFIG,
                             Crc32Partitioner.class.getName()))) {
            for (StockTick tick : ticks) {
                producer.send(new ProducerRecord<>(it.ticks, tick.getSymbol(), tick));
            }
            producer.flush();
            KpiQueryService a = first.instance().queries();
            KpiQueryService b = second.instance().queries();
            Instant lastMinute = t0.plus(Duration.ofMinutes(2));
            await("each symbol's latest 1m KPI, answered by both instances").atMost(Duration.ofSeconds(90))
                    .until(() -> answersAll(a, symbols, expected, lastMinute)
                            && answersAll(b, symbols, expected, lastMinute));

            // both instances own partitions, so some answers were forwarded over HTTP by the real partition
            assertThat(first.instance().streams().metadataForLocalThreads().iterator().next().activeTasks())
                    .isNotEmpty();
            assertThat(second.instance().streams().metadataForLocalThreads().iterator().next().activeTasks())
                    .isNotEmpty();
            for (String symbol : symbols) {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://" + b.self().host() + ":" + b.self().port() + "/kpis/latest?symbol=" + symbol
                                + "&window=1m")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(symbol).isEqualTo(200);
            }
        }
    }

    @Test
    void aSymbolOnSeveralPartitionsIsCountedReportedAndAnswered(TestPlatform platform) throws Exception {
        ItConfig it = new ItConfig(platform, "split", PARTITIONS);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        List<StockTick> split = TickScript.minutes(List.of("SPLIT"), t0, 0, 2, 6, 11);
        List<StockTick> keyless = TickScript.minutes(List.of("NOKEY"), t0, 0, 0, 4, 12);
        Map<String, Object> overrides = Map.of(StreamsAppConfig.APPLICATION_SERVER, "127.0.0.1:0");

        try (StreamsApp first = StreamsApp.start(new StreamsAppConfig(it.instance(overrides)));
             StreamsApp second = StreamsApp.start(new StreamsAppConfig(it.instance(overrides)));
             KafkaProducer<String, Object> producer = KafkaTestIo.tickProducer(platform.kafkaBootstrapServers(),
                     platform.schemaRegistryUrl())) {
            // a round-robin producer: each tick of SPLIT on the next of three partitions
            for (int i = 0; i < split.size(); i++) {
                producer.send(new ProducerRecord<>(it.ticks, i % 3, "SPLIT", split.get(i)));
            }
            // no key: the contract (shared with the sink and the backfill) dead-letters these
            for (StockTick tick : keyless) {
                producer.send(new ProducerRecord<>(it.ticks, null, tick));
            }
            producer.flush();
            Instant lastMinute = t0.plus(Duration.ofMinutes(2));

            for (StreamsApp app : List.of(first, second)) {
                await().atMost(Duration.ofSeconds(90)).until(() -> app.instance().splitSymbols()
                        .getOrDefault("SPLIT", new java.util.TreeSet<>()).size() == 3);
                KpiQueryService queries = app.instance().queries();
                // answered from the partition of its latest minute, and once in the all-symbols answer, the same
                await().atMost(Duration.ofSeconds(30)).until(() -> sameAnswers(queries, lastMinute));
                // without repartition a split minute holds the ticks of one partition only (documented)
                assertThat(queries.latest("SPLIT", "1m").orElseThrow().getTradeCount()).isEqualTo(2);
            }
            assertThat(first.instance().splitSymbols().get("SPLIT")).containsExactly(0, 1, 2);

            var dead = KafkaTestIo.readDlq(platform.kafkaBootstrapServers(), it.dlq, keyless.size(),
                    Duration.ofSeconds(60));
            assertThat(dead).hasSize(keyless.size()).allSatisfy(record -> assertThat(new String(
                    record.headers().lastHeader("dlq.error.message").value(), StandardCharsets.UTF_8))
                    .contains("record key is missing"));
        }
    }

    @Test
    void repartitionBySymbolKeepsTheCandlesOfASplitSymbolWhole(TestPlatform platform) throws Exception {
        ItConfig it = new ItConfig(platform, "repartition", PARTITIONS);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        List<StockTick> split = TickScript.minutes(List.of("SPLIT"), t0, 0, 2, 6, 13);
        Map<String, WindowKpi> expected = ExpectedKpis.compute(split, ONE_MINUTE);
        Map<String, Object> overrides = new HashMap<>(Map.of(StreamsAppConfig.APPLICATION_SERVER, "127.0.0.1:0",
                StreamsAppConfig.REPARTITION_BY_SYMBOL, "true"));
        Instant lastMinute = t0.plus(Duration.ofMinutes(2));

        try (StreamsApp first = StreamsApp.start(new StreamsAppConfig(it.instance(overrides)));
             StreamsApp second = StreamsApp.start(new StreamsAppConfig(it.instance(overrides)));
             KafkaProducer<String, Object> producer = KafkaTestIo.tickProducer(platform.kafkaBootstrapServers(),
                     platform.schemaRegistryUrl())) {
            // partition 0 runs ahead: its share of all three minutes is aggregated first...
            IntStream.range(0, split.size()).filter(i -> i % 3 == 0).forEach(i -> producer.send(
                    new ProducerRecord<>(it.ticks, 0, "SPLIT", split.get(i))));
            producer.flush();
            KpiQueryService a = first.instance().queries();
            await().atMost(Duration.ofSeconds(90)).until(() -> latestStart(a).equals(lastMinute));
            // ...then partitions 1 and 2 bring theirs, older than that stream time minus grace, yet on time there
            IntStream.range(0, split.size()).filter(i -> i % 3 != 0).forEach(i -> producer.send(
                    new ProducerRecord<>(it.ticks, i % 3, "SPLIT", split.get(i))));
            producer.flush();

            for (StreamsApp app : List.of(first, second)) {
                KpiQueryService queries = app.instance().queries();
                await().atMost(Duration.ofSeconds(90)).until(() -> tradeCounts(queries, t0).equals(List.of(6L, 6L,
                        6L)));
                for (WindowKpi kpi : queries.range("SPLIT", "1m", t0, lastMinute.plus(Duration.ofMinutes(1)))) {
                    ExpectedKpis.assertSameKpi(kpi, expected.get(ExpectedKpis.key(kpi)));
                }
                // still reported: the producer spreads it; the candles are whole
                assertThat(app.instance().splitSymbols().get("SPLIT")).containsExactly(0, 1, 2);
            }
        }
    }

    private static Instant latestStart(KpiQueryService service) {
        try {
            return service.latest("SPLIT", "1m").map(WindowKpi::getWindowStart).orElse(Instant.EPOCH);
        } catch (KpiUnavailableException e) {
            return Instant.EPOCH;
        }
    }

    /** SPLIT's trade count per minute of the three from {@code t0}; empty while unavailable. */
    private static List<Long> tradeCounts(KpiQueryService service, Instant t0) {
        try {
            return service.range("SPLIT", "1m", t0, t0.plus(Duration.ofMinutes(3))).stream()
                    .map(WindowKpi::getTradeCount).toList();
        } catch (KpiUnavailableException e) {
            return List.of();
        }
    }

    /**
     * True when {@code service} answers each symbol's latest 1-minute KPI at {@code lastMinute} as expected; false
     * while it answers nothing yet, less, or "unavailable".
     */
    private static boolean answersAll(KpiQueryService service, List<String> symbols, Map<String, WindowKpi> expected,
                                      Instant lastMinute) {
        try {
            for (String symbol : symbols) {
                WindowKpi want = expected.get(symbol + " 1m " + lastMinute);
                var got = service.latest(symbol, "1m");
                if (got.isEmpty() || !got.get().getWindowStart().equals(lastMinute)
                        || got.get().getTradeCount() != want.getTradeCount()) {
                    return false;
                }
                ExpectedKpis.assertSameKpi(got.get(), want);
            }
            return true;
        } catch (KpiUnavailableException e) {
            return false;
        }
    }

    /** True when SPLIT's latest 1-minute KPI is at {@code lastMinute} and the all-symbols query lists it once, equal. */
    private static boolean sameAnswers(KpiQueryService service, Instant lastMinute) {
        try {
            var latest = service.latest("SPLIT", "1m");
            List<WindowKpi> all = service.latestAll("1m");
            return latest.isPresent() && latest.get().getWindowStart().equals(lastMinute)
                    && all.equals(List.of(latest.get()));
        } catch (KpiUnavailableException e) {
            return false;
        }
    }

    private static int crc32(String symbol) {
        return Crc32Partitioner.partition(symbol.getBytes(StandardCharsets.UTF_8), PARTITIONS);
    }

    private static int murmur2(String symbol) {
        return Utils.toPositive(Utils.murmur2(symbol.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }
}
