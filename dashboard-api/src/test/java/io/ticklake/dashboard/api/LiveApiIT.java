package io.ticklake.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static io.ticklake.dashboard.testing.TestCredentials.admin;
import static io.ticklake.dashboard.testing.TestCredentials.cluster;
import static io.ticklake.dashboard.testing.TestCredentials.viewer;
import static io.ticklake.dashboard.testing.TestCredentials.viewerUser;
import static org.awaitility.Awaitility.await;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.ticklake.dashboard.testing.DashboardItConfig;
import io.ticklake.dashboard.testing.ExpectedCandle;
import io.ticklake.dashboard.testing.PrometheusText;
import io.ticklake.dashboard.testing.TickProducer;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.query.ForwardingPaths;
import io.ticklake.streams.query.KpiJson;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The REST API of a running instance on the real broker and registry: symbols, KPI ranges and latest
 * KPIs checked against values computed from the ticks produced, every bad-input answer, the
 * forwarding paths, health, metrics, the OpenAPI document and the static dashboard.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveApiIT implements TestPropertyProvider {

    private static final long MINUTE = 60_000;

    private DashboardItConfig it;
    private TickProducer producer;
    private final List<StockTick> ticks = new ArrayList<>();
    private Instant t0;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        it = new DashboardItConfig(TestPlatform.shared(), "api");
        return it.properties();
    }

    @BeforeAll
    void produceTicks() {
        producer = new TickProducer(it.platform.kafkaBootstrapServers(), it.platform.schemaRegistryUrl(), it.ticks);
        t0 = Instant.ofEpochMilli(Math.floorDiv(System.currentTimeMillis(), 5 * MINUTE) * 5 * MINUTE - 10 * MINUTE);
        ticks.add(producer.send("AAA", 10.0, 100, t0.plusSeconds(1)));
        ticks.add(producer.send("BBB", 100.0, 5, t0.plusSeconds(5)));
        ticks.add(producer.send("AAA", 12.0, 50, t0.plusSeconds(20)));
        ticks.add(producer.send("AAA", 9.0, 10, t0.plusSeconds(40)));
        ticks.add(producer.send("AAA", 11.0, 100, t0.plusSeconds(61)));
        ticks.add(producer.send("BBB", 101.0, 7, t0.plusSeconds(70)));
        ticks.add(producer.send("AAA", 13.5, 200, t0.plusSeconds(125)));
        ticks.add(producer.send("AAA", 14.0, 20, t0.plusSeconds(360)));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                assertThat(symbols()).extracting(SymbolView::lastPrice).containsExactly(14.0, 101.0));
    }

    @AfterAll
    void closeProducer() {
        producer.close();
    }

    private List<SymbolView> symbols() {
        return client.toBlocking().retrieve(viewer(HttpRequest.GET("/api/symbols")),
                Argument.listOf(SymbolView.class));
    }

    private List<KpiView> kpis(String uri) {
        return client.toBlocking().retrieve(viewer(HttpRequest.GET(uri)), Argument.listOf(KpiView.class));
    }

    private HttpClientResponseException error(String uri) {
        return error(viewer(HttpRequest.GET(uri)));
    }

    private HttpClientResponseException error(MutableHttpRequest<?> request) {
        return catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(request, String.class));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void listsTheSymbolsWithTheirLastPriceAndTime() {
        List<SymbolView> symbols = symbols();

        assertThat(symbols).containsExactly(new SymbolView("AAA", 14.0, t0.plusSeconds(360).toString()),
                new SymbolView("BBB", 101.0, t0.plusSeconds(70).toString()));
    }

    @Test
    void answersTheOneMinuteCandlesOfASymbol() {
        List<KpiView> kpis = kpis("/api/kpis/AAA?window=1m&from=" + t0.toEpochMilli() + "&to="
                + encode(t0.plus(Duration.ofMinutes(10)).toString()));

        List<ExpectedCandle> expected = ExpectedCandle.of(ticks, "AAA", MINUTE);
        assertThat(kpis).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertMatches(kpis.get(i), expected.get(i), "1m");
        }
        assertThat(kpis.get(0).ma15m()).isNotNull();
    }

    @Test
    void answersRollupsAndNarrowRanges() {
        List<KpiView> fiveMinutes = kpis("/api/kpis/AAA?window=5m&from=" + encode(t0.toString()));
        List<ExpectedCandle> expected = ExpectedCandle.of(ticks, "AAA", 5 * MINUTE);
        assertThat(fiveMinutes).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertMatches(fiveMinutes.get(i), expected.get(i), "5m");
        }

        List<KpiView> secondMinute = kpis("/api/kpis/AAA?from=" + encode(t0.plusSeconds(60).toString()) + "&to="
                + t0.plusSeconds(120).toEpochMilli());
        assertThat(secondMinute).singleElement().satisfies(kpi -> {
            assertThat(kpi.windowStart()).isEqualTo(t0.plusSeconds(60).toString());
            assertThat(kpi.close()).isEqualTo(11.0);
        });
    }

    @Test
    void answersTheDefaultRangeUpToNow() {
        assertThat(kpis("/api/kpis/AAA")).extracting(KpiView::windowStart)
                .containsExactlyElementsOf(ExpectedCandle.of(ticks, "AAA", MINUTE).stream()
                        .map(candle -> candle.windowStart().toString()).toList());
    }

    @Test
    void answersTheLatestKpiOfEverySymbolAndOfOne() {
        assertThat(kpis("/api/kpis?window=1m")).extracting(KpiView::symbol, KpiView::close)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AAA", 14.0),
                        org.assertj.core.groups.Tuple.tuple("BBB", 101.0));
        KpiView latest = client.toBlocking().retrieve(viewer(HttpRequest.GET("/api/kpis/BBB/latest?window=1h")),
                KpiView.class);
        List<ExpectedCandle> hours = ExpectedCandle.of(ticks, "BBB", 60 * MINUTE);
        assertMatches(latest, hours.get(hours.size() - 1), "1h");
    }

    @Test
    void anUnknownSymbolIsNotFound() {
        HttpClientResponseException e = error("/api/kpis/ZZZ9?window=1m");

        assertThat(e.code()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(e.getResponse().getBody(ApiError.class)).get().extracting(ApiError::error).asString()
                .contains("unknown symbol 'ZZZ9'");
        assertThat(error("/api/kpis/ZZZ9/latest").code()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
    }

    @Test
    void badParametersAreNamed() {
        assertBadParameter("/api/kpis/AAA?window=2m", "window", "1m, 5m, 15m, 1h");
        assertBadParameter("/api/kpis?window=weekly", "window", "not 'weekly'");
        assertBadParameter("/api/kpis/AAA?from=yesterday", "from", "not a time");
        assertBadParameter("/api/kpis/AAA?to=2026-02-30T00:00:00Z", "to", "not a time");
        assertBadParameter("/api/kpis/AAA?from=" + encode(t0.toString()) + "&to=" + t0.minusSeconds(60).toEpochMilli(),
                "from", "must be before 'to'");
        assertBadParameter("/api/kpis/AAA?window=1m&from=" + encode(t0.minus(Duration.ofDays(3)).toString()) + "&to="
                + encode(t0.toString()), "from", "at most 1440");
        assertBadParameter("/api/kpis/aa%24", "symbol", "A-Z");
    }

    private void assertBadParameter(String uri, String parameter, String message) {
        HttpClientResponseException e = error(uri);
        assertThat(e.code()).as(uri).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        ApiError body = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertThat(body.parameter()).as(uri).isEqualTo(parameter);
        assertThat(body.error()).as(uri).contains(message);
    }

    @Test
    void historyWithoutALakeSaysWhatIsMissing() {
        HttpClientResponseException e = error("/api/history/daily/AAA");

        assertThat(e.code()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(e.getResponse().getBody(ApiError.class).orElseThrow().error()).contains("ticklake.lake");
    }

    @Test
    void servesStreamsAppsForwardingContract() {
        String json = client.toBlocking().retrieve(
                cluster(HttpRequest.GET("/kpis/local/latest?symbol=AAA&window=1m")), String.class);
        WindowKpi kpi = KpiJson.readOne(json);
        assertThat(kpi.getClose()).isEqualTo(14.0);

        List<WindowKpi> range = KpiJson.readList(client.toBlocking().retrieve(cluster(HttpRequest.GET(
                "/kpis/range?symbol=BBB&window=1m&from=" + encode(t0.toString()) + "&to="
                        + encode(t0.plusSeconds(600).toString()))), String.class));
        assertThat(range).extracting(WindowKpi::getClose).containsExactly(100.0, 101.0);

        HttpClientResponseException missing = error(cluster(HttpRequest.GET(
                "/kpis/local/latest?symbol=NOPE&window=1m")));
        assertThat(missing.code()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(KpiJson.errorMessage(missing.getResponse().getBody(String.class).orElseThrow()))
                .contains("no KPI");
        HttpClientResponseException bad = error(cluster(HttpRequest.GET(
                "/kpis/local/range?symbol=AAA&window=1m&from=x&to=y")));
        assertThat(bad.code()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(KpiJson.errorMessage(bad.getResponse().getBody(String.class).orElseThrow())).contains("'from'");
    }

    @Test
    void forwardingPathsAnswerOnlyTheClusterWithThePublicRangeCap() {
        String local = "/kpis/local/range?symbol=AAA&window=1m&from=" + encode(t0.toString()) + "&to="
                + encode(t0.plusSeconds(600).toString());

        assertThat(error(HttpRequest.GET(local)).code()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(error(HttpRequest.GET(local).header(ForwardingPaths.CLUSTER_SECRET_HEADER, "not-the-secret"))
                .code()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(error(viewer(HttpRequest.GET(local))).code()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
        assertThat(error(admin(HttpRequest.GET("/kpis/latest?symbol=AAA&window=1m"))).code())
                .isEqualTo(HttpStatus.FORBIDDEN.getCode());

        // the stale, unrouted local path takes no more windows than the public API: 1441 minutes > 1440
        HttpClientResponseException tooLong = error(cluster(HttpRequest.GET("/kpis/local/range?symbol=AAA"
                + "&window=1m&stale=true&from=" + encode(t0.minusSeconds(1441 * 60).toString())
                + "&to=" + encode(t0.toString()))));
        assertThat(tooLong.code()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        ApiError body = tooLong.getResponse().getBody(ApiError.class).orElseThrow();
        assertThat(body.parameter()).isEqualTo("from");
        assertThat(body.error()).contains("at most 1440");
        assertThat(KpiJson.readList(client.toBlocking().retrieve(cluster(HttpRequest.GET(local)), String.class)))
                .extracting(WindowKpi::getSymbol).containsOnly("AAA");
    }

    @Test
    void reportsReadyAndAlive() {
        String readiness = client.toBlocking().retrieve(viewer(HttpRequest.GET("/health/readiness")),
                String.class);
        String liveness = client.toBlocking().retrieve(HttpRequest.GET("/health/liveness"), String.class);

        assertThat(readiness).contains("\"status\":\"UP\"").contains("RUNNING");
        assertThat(liveness).contains("\"status\":\"UP\"");
    }

    @Test
    void exposesTheTickDlqLagAndSessionMetrics() {
        producer.sendPoison("AAA");
        producer.resend(ticks.get(ticks.size() - 1)); // a retry of the latest tick: dropped as a copy

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Double> metrics = PrometheusText.parse(client.toBlocking().retrieve(
                    admin(HttpRequest.GET("/prometheus")), String.class));
            assertThat(metrics.get("ticklake_ticks_consumed_total")).isGreaterThanOrEqualTo((double) ticks.size());
            assertThat(metrics.get("ticklake_dlq_records_total")).isGreaterThanOrEqualTo(1.0);
            assertThat(metrics.get("ticklake_ticks_duplicates_total")).isGreaterThanOrEqualTo(1.0);
            assertThat(metrics).containsKeys("ticklake_ticks_rate", "ticklake_ticks_lag",
                    "ticklake_websocket_sessions", "ticklake_streams_ready");
            assertThat(metrics.get("ticklake_streams_ready")).isEqualTo(1.0);
        });
    }

    @Test
    void servesTheOpenApiDocumentOfTheApi() {
        String spec = client.toBlocking().retrieve(
                viewer(HttpRequest.GET("/swagger/ticklake-dashboard-api-0.1.yml")), String.class);

        assertThat(spec).contains("/api/kpis/{symbol}:").contains("/api/symbols:").contains("/api/kpis:")
                .contains("last_price").doesNotContain("/kpis/local/latest");
        assertThat(spec).contains("securitySchemes:").contains("scheme: bearer").contains("scheme: basic");
    }

    @Test
    void servesTheDashboardAndItsChartLibrary() {
        String page = client.toBlocking().retrieve(viewerUser(HttpRequest.GET("/")), String.class);
        assertThat(page).contains("TickLake").contains("/dashboard.js");
        String script = page.replaceAll("(?s).*<script src=\"(/webjars/echarts/[^\"]+)\".*", "$1");

        assertThat(script).matches("/webjars/echarts/\\d+\\.\\d+\\.\\d+/echarts\\.min\\.js");
        assertThat(client.toBlocking().exchange(viewer(HttpRequest.GET(script)), String.class).code())
                .isEqualTo(HttpStatus.OK.getCode());
        assertThat(client.toBlocking().retrieve(viewer(HttpRequest.GET("/dashboard.js")), String.class))
                .contains("/ws/kpis");
    }

    private static void assertMatches(KpiView kpi, ExpectedCandle expected, String window) {
        assertThat(kpi.symbol()).isEqualTo(expected.symbol());
        assertThat(kpi.window()).isEqualTo(window);
        assertThat(kpi.windowStart()).isEqualTo(expected.windowStart().toString());
        assertThat(kpi.open()).isEqualTo(expected.open());
        assertThat(kpi.high()).isEqualTo(expected.high());
        assertThat(kpi.low()).isEqualTo(expected.low());
        assertThat(kpi.close()).isEqualTo(expected.close());
        assertThat(kpi.volume()).isEqualTo(expected.volume());
        assertThat(kpi.tradeCount()).isEqualTo(expected.tradeCount());
        assertThat(kpi.vwap()).isCloseTo(expected.vwap(), within(1e-9));
    }
}
