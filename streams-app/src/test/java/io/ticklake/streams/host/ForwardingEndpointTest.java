package io.ticklake.streams.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.query.KpiJson;
import io.ticklake.streams.query.KpiQueries;
import io.ticklake.streams.query.KpiUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The forwarding endpoint's status mapping, over fixed answers instead of a running Kafka Streams. */
class ForwardingEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-20T14:00:00Z");

    private final FixedQueries fixed = new FixedQueries(List.of(kpi("AAPL", T0, 101.0),
            kpi("AAPL", T0.plusSeconds(60), 102.0), kpi("MSFT", T0, 300.0)));
    private final ForwardingEndpoint endpoint = new ForwardingEndpoint(() -> fixed);

    @Test
    void answersAKpiOrAnArrayOfKpisWith200() {
        ForwardingResponse latest = endpoint.handle("/kpis/latest", Map.of("symbol", "AAPL", "window", "1m"));
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.retryAfterSeconds()).isEmpty();
        assertThat(KpiJson.readOne(latest.body()).getClose()).isEqualTo(102.0);

        ForwardingResponse range = endpoint.handle("/kpis/local/range", Map.of("symbol", "AAPL", "window", "1m",
                "from", T0.toString(), "to", T0.plusSeconds(60).toString(), "partition", "3", "stale", "true"));
        assertThat(range.status()).isEqualTo(200);
        assertThat(KpiJson.readList(range.body())).extracting(WindowKpi::getClose).containsExactly(101.0);
        assertThat(fixed.lastCall).isEqualTo("localRange AAPL 1m partition=3 stale=true");

        ForwardingResponse all = endpoint.handle("/kpis/local/all", Map.of("window", "1m", "partitions", "0, 2,5"));
        assertThat(all.status()).isEqualTo(200);
        assertThat(KpiJson.readList(all.body())).extracting(WindowKpi::getSymbol).containsExactly("AAPL", "MSFT");
        assertThat(fixed.lastCall).isEqualTo("localLatestAll 1m partitions=[0, 2, 5] stale=false");
        assertThat(KpiJson.readList(endpoint.handle("/kpis/all", Map.of("window", "1m")).body())).hasSize(2);
        assertThat(endpoint.handle("/kpis/range", Map.of("symbol", "MSFT", "window", "1m", "from", T0.toString(),
                "to", T0.plusSeconds(600).toString())).status()).isEqualTo(200);
        assertThat(endpoint.handle("/kpis/local/latest", Map.of("symbol", "MSFT", "window", "1m")).status())
                .isEqualTo(200);
    }

    @Test
    void anUnknownSymbolIsNotFound() throws Exception {
        for (String path : List.of("/kpis/latest", "/kpis/local/latest")) {
            ForwardingResponse missing = endpoint.handle(path, Map.of("symbol", "NOPE", "window", "1m"));

            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(error(missing).get("error").asText()).isEqualTo("no KPI for this symbol and window");
        }
        assertThat(endpoint.handle("/kpis/nothing", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aBadOrMissingParameterIs400NamingIt() throws Exception {
        assertBadParameter("/kpis/latest", Map.of("window", "1m"), "symbol", "'symbol' is required");
        assertBadParameter("/kpis/local/latest", Map.of("symbol", "AAPL", "window", "1m", "partition", "two"),
                "partition", "must be a number, not 'two'");
        assertBadParameter("/kpis/range", Map.of("symbol", "AAPL", "window", "1m", "from", "yesterday",
                "to", T0.toString()), "from", "ISO-8601");
        assertBadParameter("/kpis/local/range", Map.of("symbol", "AAPL", "window", "1m", "from", T0.toString()),
                "to", "'to' is required");
        assertBadParameter("/kpis/local/all", Map.of("window", "1m", "partitions", "0,x"), "partitions",
                "comma-separated numbers");

        // the query service's own checks are 400 too, with its message
        ForwardingResponse badWindow = endpoint.handle("/kpis/latest", Map.of("symbol", "AAPL", "window", "2m"));
        assertThat(badWindow.status()).isEqualTo(400);
        assertThat(error(badWindow).get("error").asText()).isEqualTo("unknown window '2m'; known: 1m");
        assertThat(badWindow.retryAfterSeconds()).isEmpty();
    }

    @Test
    void notStartedIsServiceUnavailableWithRetryAfter() throws Exception {
        ForwardingEndpoint starting = new ForwardingEndpoint(() -> {
            throw new KpiUnavailableException("this instance is starting; retry", Duration.ofMillis(1500));
        });

        ForwardingResponse response = starting.handle("/kpis/local/latest", Map.of("symbol", "AAPL", "window", "1m"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.retryAfterSeconds()).isEqualTo(OptionalLong.of(2));
        JsonNode body = error(response);
        assertThat(body.get("error").asText()).contains("starting");
        assertThat(body.get("retry_after_ms").asLong()).isEqualTo(1500);
    }

    @Test
    void rebalancingIsServiceUnavailableWithAtLeastOneSecond() throws Exception {
        fixed.unavailable = new KpiUnavailableException("partition 3 is rebalancing; retry", Duration.ofMillis(200));

        ForwardingResponse response = endpoint.handle("/kpis/all", Map.of("window", "1m"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.retryAfterSeconds()).isEqualTo(OptionalLong.of(1));
        assertThat(error(response).get("retry_after_ms").asLong()).isEqualTo(200);
        assertThat(error(response).get("error").asText()).contains("rebalancing");
    }

    @Test
    void anythingElseIsAnInternalError() {
        fixed.failure = new IllegalStateException("store closed");

        ForwardingResponse response = endpoint.handle("/kpis/latest", Map.of("symbol", "AAPL", "window", "1m"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).contains("store closed");
    }

    private void assertBadParameter(String path, Map<String, String> params, String parameter, String message)
            throws Exception {
        ForwardingResponse response = endpoint.handle(path, params);
        assertThat(response.status()).as(path + " " + params).isEqualTo(400);
        JsonNode body = error(response);
        assertThat(body.get("parameter").asText()).as(path + " " + params).isEqualTo(parameter);
        assertThat(body.get("error").asText()).as(path + " " + params).contains(message);
        assertThat(body.has("retry_after_ms")).isFalse();
    }

    private static JsonNode error(ForwardingResponse response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static WindowKpi kpi(String symbol, Instant start, double close) {
        return WindowKpi.newBuilder().setSymbol(symbol).setWindow("1m").setWindowStart(start)
                .setWindowEnd(start.plusSeconds(60)).setOpen(close).setHigh(close).setLow(close).setClose(close)
                .setAvg(close).setVwap(close).setVolume(10).setTradeCount(1).setStddev(0.0)
                .setLastEventTime(start.plusSeconds(1)).setMa15m(close).setMa1h(close).build();
    }

    /** 1-minute KPIs held in memory, checked like the query service checks its arguments. */
    private static final class FixedQueries implements KpiQueries {

        private final Map<String, TreeMap<Instant, WindowKpi>> bySymbol = new TreeMap<>();
        private KpiUnavailableException unavailable;
        private RuntimeException failure;
        private String lastCall;

        FixedQueries(List<WindowKpi> kpis) {
            kpis.forEach(kpi -> bySymbol.computeIfAbsent(kpi.getSymbol(), symbol -> new TreeMap<>())
                    .put(kpi.getWindowStart(), kpi));
        }

        @Override
        public Optional<WindowKpi> latest(String symbol, String window) {
            check(window);
            return Optional.ofNullable(bySymbol.get(symbol)).map(kpis -> kpis.lastEntry().getValue());
        }

        @Override
        public List<WindowKpi> range(String symbol, String window, Instant from, Instant to) {
            check(window);
            return new ArrayList<>(bySymbol.getOrDefault(symbol, new TreeMap<>()).subMap(from, to).values());
        }

        @Override
        public List<WindowKpi> latestAll(String window) {
            check(window);
            return bySymbol.values().stream().map(kpis -> kpis.lastEntry().getValue()).toList();
        }

        @Override
        public Optional<WindowKpi> localLatest(String symbol, String window, Integer partition, boolean stale) {
            lastCall = "localLatest " + symbol + " " + window + " partition=" + partition + " stale=" + stale;
            return latest(symbol, window);
        }

        @Override
        public List<WindowKpi> localRange(String symbol, String window, Instant from, Instant to, Integer partition,
                                          boolean stale) {
            lastCall = "localRange " + symbol + " " + window + " partition=" + partition + " stale=" + stale;
            return range(symbol, window, from, to);
        }

        @Override
        public List<WindowKpi> localLatestAll(String window, Set<Integer> partitions, boolean stale) {
            lastCall = "localLatestAll " + window + " partitions=" + new TreeSet<>(partitions) + " stale="
                    + stale;
            return latestAll(window);
        }

        private void check(String window) {
            if (unavailable != null) {
                throw unavailable;
            }
            if (failure != null) {
                throw failure;
            }
            if (!window.equals("1m")) {
                throw new IllegalArgumentException("unknown window '" + window + "'; known: 1m");
            }
        }
    }
}
