package io.ticklake.dashboard.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.ticklake.analytics.AnalyticsConfig;
import io.ticklake.analytics.run.AnalyticsRunner;
import io.ticklake.analytics.run.BuildScope;
import io.ticklake.analytics.run.RunListener;
import io.ticklake.dashboard.api.ApiError;
import io.ticklake.dashboard.testing.CompactedLake;
import io.ticklake.dashboard.testing.CompactedLake.Tick;
import io.ticklake.dashboard.testing.DashboardItConfig;
import io.ticklake.dashboard.testing.TestCredentials;
import io.ticklake.infra.testing.TestPlatform;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The historical endpoints over models the real analytics runner built from a compacted lake: daily
 * summaries with change %, moving averages and volatility checked against values computed from the
 * ticks, the data-quality rows of the raw layer behind them, and the 400/401/404 answers.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryIT implements TestPropertyProvider {

    private static final Instant DAY_1 = Instant.parse("2026-01-05T10:00:00Z");
    private static final Instant DAY_2 = Instant.parse("2026-01-06T10:00:00Z");
    private static final List<Tick> TICKS = List.of(
            new Tick("AAA", 100.0, 10, DAY_1.plusSeconds(10), 0, 0),
            new Tick("AAA", 102.0, 20, DAY_1.plusSeconds(40), 0, 1),
            new Tick("AAA", 101.0, 30, DAY_1.plusSeconds(70), 0, 2),
            new Tick("BBB", 50.0, 5, DAY_1.plusSeconds(80), 1, 0),
            new Tick("AAA", 104.0, 40, DAY_1.plusSeconds(150), 0, 3),
            new Tick("AAA", 110.0, 10, DAY_2.plusSeconds(5), 0, 4),
            new Tick("AAA", 108.0, 10, DAY_2.plusSeconds(65), 0, 5));

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new DashboardItConfig(TestPlatform.shared(), "history").properties();
        try {
            CompactedLake lake = new CompactedLake(DashboardItConfig.tempDir("history-lake-")).publish(TICKS);
            // the raw layer behind it, the first tick landed twice (sink and backfill)
            List<Tick> landed = new java.util.ArrayList<>(TICKS);
            landed.add(TICKS.get(0));
            lake.landRaw("stock-ticks.parquet", landed);
            AnalyticsRunner.create(AnalyticsConfig.forLake(lake.uri()), new RunListener() {
            }).run(BuildScope.full());
            props.put("ticklake.lake", lake.uri());
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the analytics models of the test lake", e);
        }
        return props;
    }

    private <T> List<T> get(String uri, Class<T> type) {
        return client.toBlocking().retrieve(TestCredentials.viewer(HttpRequest.GET(uri)), Argument.listOf(type));
    }

    private HttpClientResponseException error(String uri) {
        return catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(TestCredentials.viewer(HttpRequest.GET(uri)), String.class));
    }

    @Test
    void answersDailySummariesWithTheChangeAgainstThePreviousClose() {
        List<DailySummaryView> days = get("/api/history/daily/AAA?from=2026-01-01&to=2026-01-10",
                DailySummaryView.class);

        assertThat(days).extracting(DailySummaryView::day).containsExactly("2026-01-05", "2026-01-06");
        DailySummaryView first = days.get(0);
        assertThat(first.open()).isEqualTo(100.0);
        assertThat(first.high()).isEqualTo(104.0);
        assertThat(first.low()).isEqualTo(100.0);
        assertThat(first.close()).isEqualTo(104.0);
        assertThat(first.volume()).isEqualTo(100);
        assertThat(first.vwap()).isCloseTo((100.0 * 10 + 102.0 * 20 + 101.0 * 30 + 104.0 * 40) / 100, within(1e-9));
        assertThat(first.changePct()).isNull();
        DailySummaryView second = days.get(1);
        assertThat(second.previousClose()).isEqualTo(104.0);
        assertThat(second.changePct()).isCloseTo(100 * (108.0 - 104.0) / 104.0, within(1e-9));

        assertThat(get("/api/history/daily/AAA?from=2026-01-06&to=2026-01-07", DailySummaryView.class))
                .extracting(DailySummaryView::day).containsExactly("2026-01-06");
    }

    @Test
    void answersMovingAveragesAtEachMinuteBar() {
        List<MovingAverageView> bars = get("/api/history/moving-averages/AAA?from=" + DAY_1 + "&to="
                + DAY_1.plusSeconds(3600).toEpochMilli(), MovingAverageView.class);

        assertThat(bars).extracting(MovingAverageView::windowStart).containsExactly(DAY_1.toString(),
                DAY_1.plusSeconds(60).toString(), DAY_1.plusSeconds(120).toString());
        MovingAverageView second = bars.get(1);
        assertThat(second.windowEnd()).isEqualTo(DAY_1.plusSeconds(120).toString());
        assertThat(second.ma15m()).isCloseTo((100.0 + 102.0 + 101.0) / 3, within(1e-9));
        assertThat(second.tradeCount15m()).isEqualTo(3);
    }

    @Test
    void answersVolatilityFromOneMinuteReturns() {
        List<VolatilityView> bars = get("/api/history/volatility/AAA?from=" + DAY_1 + "&to=" + DAY_1.plusSeconds(180),
                VolatilityView.class);

        double r1 = Math.log(101.0 / 102.0);
        double r2 = Math.log(104.0 / 101.0);
        double mean = (r1 + r2) / 2;
        assertThat(bars).hasSize(3);
        assertThat(bars.get(0).logReturn()).isNull();
        assertThat(bars.get(1).logReturn()).isCloseTo(r1, within(1e-12));
        assertThat(bars.get(2).volatility15m()).isCloseTo(
                Math.sqrt(((r1 - mean) * (r1 - mean) + (r2 - mean) * (r2 - mean)) / 2), within(1e-12));
    }

    @Test
    void answersDataQualityPerSymbolAndHour() {
        List<QualityView> rows = get("/api/quality?from=2026-01-05&to=2026-01-07", QualityView.class);

        assertThat(rows).extracting(QualityView::symbol, QualityView::hourStart).containsExactly(
                tuple("AAA", DAY_1.toString()), tuple("BBB", DAY_1.toString()), tuple("AAA", DAY_2.toString()));
        QualityView aaa = rows.get(0);
        assertThat(aaa.hourEnd()).isEqualTo(DAY_1.plusSeconds(3600).toString());
        assertThat(aaa.rawRows()).isEqualTo(5);
        assertThat(aaa.ticksLanded()).isEqualTo(4);
        assertThat(List.of(aaa.duplicates(), aaa.sequenceGaps(), aaa.outOfOrderTicks(), aaa.lateTicks()))
                .containsOnly(0L);
        assertThat(aaa.invalidTicks()).as("no dead letters landed").isZero();
        assertThat(aaa.latencyP50Ms()).isEqualTo(5.0);
        assertThat(get("/api/quality?from=" + DAY_2 + "&to=" + DAY_2.plusSeconds(3600), QualityView.class))
                .extracting(QualityView::symbol).containsExactly("AAA");

        HttpClientResponseException badTo = error("/api/quality?from=2026-01-05&to=never");
        assertThat(badTo.code()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(badTo.getResponse().getBody(ApiError.class).orElseThrow().parameter()).isEqualTo("to");
        HttpClientResponseException tooLong = error("/api/quality?from=2026-01-01&to=2026-03-01");
        assertThat(tooLong.code()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(tooLong.getResponse().getBody(ApiError.class).orElseThrow().error()).contains("at most 744");
        HttpClientResponseException anonymous = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.GET("/api/quality"), String.class));
        assertThat(anonymous.code()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    @Test
    void anUnknownSymbolIsNotFoundAndBadTimesAreNamed() {
        HttpClientResponseException unknown = error("/api/history/daily/ZZZ?from=2026-01-01&to=2026-01-10");
        assertThat(unknown.code()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(unknown.getResponse().getBody(ApiError.class).orElseThrow().error()).contains("'ZZZ'");

        HttpClientResponseException badFrom = error("/api/history/volatility/AAA?from=monday");
        assertThat(badFrom.code()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(badFrom.getResponse().getBody(ApiError.class).orElseThrow().parameter()).isEqualTo("from");

        HttpClientResponseException tooLong = error("/api/history/moving-averages/AAA?from=2026-01-01&to=2026-02-01");
        assertThat(tooLong.code()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(tooLong.getResponse().getBody(ApiError.class).orElseThrow().error()).contains("at most 10080");
    }
}
