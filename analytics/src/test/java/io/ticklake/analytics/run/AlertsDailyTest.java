package io.ticklake.analytics.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.analytics.AnalyticsConfig;
import io.ticklake.analytics.testing.FixtureLake;
import io.ticklake.analytics.testing.ModelOutput;
import io.ticklake.analytics.testing.RawFiles;
import io.ticklake.analytics.testing.RawFiles.LandedAlert;
import io.ticklake.analytics.testing.Tick;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alerts_daily} over a fixture lake whose {@code raw/stock_alerts} holds alerts of two days, one
 * file of them landed twice (the same Kafka records, counted once).
 */
class AlertsDailyTest {

    @TempDir
    Path lake;

    private static LandedAlert alert(String rule, String symbol, String kind, String time, long offset) {
        return new LandedAlert(rule, symbol, kind, Instant.parse(time), 0, offset);
    }

    @Test
    void countsAlertsPerSymbolKindAndDayOnceEach() throws Exception {
        List<LandedAlert> hour14 = List.of(
                alert("up-100", "AAA", "PRICE_CROSS", "2026-11-20T14:05:00Z", 0),
                alert("up-101", "AAA", "PRICE_CROSS", "2026-11-20T14:06:00Z", 1),
                alert("up-100", "AAA", "PRICE_CROSS", "2026-11-20T14:50:00Z", 2),
                alert("quiet", "BBB", "STALE_FEED", "2026-11-20T14:59:59.999Z", 3));
        RawFiles.writeAlerts(lake, "stock-alerts+0+00000000000000000000.parquet", hour14);
        RawFiles.writeAlerts(lake, "replayed+0+00000000000000000000.parquet", hour14);   // landed twice
        RawFiles.writeAlerts(lake, "stock-alerts+0+00000000000000000004.parquet",
                List.of(alert("quiet", "BBB", "STALE_FEED", "2026-11-20T23:10:00Z", 4)));
        RawFiles.writeAlerts(lake, "stock-alerts+0+00000000000000000005.parquet",
                List.of(alert("up-100", "AAA", "PRICE_CROSS", "2026-11-21T00:00:00Z", 5)));
        try (FixtureLake fixture = new FixtureLake(lake.toString())) {
            fixture.publish(List.of(new Tick("AAA", 100.0, 1, Instant.parse("2026-11-20T14:00:00Z"), 0, 0, 1),
                    new Tick("AAA", 101.0, 1, Instant.parse("2026-11-21T09:00:00Z"), 0, 1, 2)));
        }

        RunResult result = AnalyticsRunner.create(AnalyticsConfig.forLake(lake.toUri().toString()), RunListener.NONE)
                .run(BuildScope.full());

        assertThat(result.model("alerts_daily").rows()).isEqualTo(3);
        assertThat(ModelOutput.rows(lake.toString(), "alerts_daily", "day, symbol, kind").stream()
                .map(row -> row.get("day") + " " + row.get("symbol") + " " + row.get("kind") + " alerts="
                        + row.get("alerts") + " rules=" + row.get("rules") + " " + row.get("first_alert") + ".."
                        + row.get("last_alert")).toList())
                .containsExactly(
                        "2026-11-20 AAA PRICE_CROSS alerts=3 rules=2 2026-11-20T14:05:00Z..2026-11-20T14:50:00Z",
                        "2026-11-20 BBB STALE_FEED alerts=2 rules=1 2026-11-20T14:59:59.999Z..2026-11-20T23:10:00Z",
                        "2026-11-21 AAA PRICE_CROSS alerts=1 rules=1 2026-11-21T00:00:00Z..2026-11-21T00:00:00Z");
    }

    @Test
    void aChangedRunRebuildsTheDayOfAnAlertLandedLaterThoughNoTickChangedAndThatDayHasNone() throws Exception {
        try (FixtureLake fixture = new FixtureLake(lake.toString())) {
            fixture.publish(List.of(new Tick("AAA", 100.0, 1, Instant.parse("2026-11-20T14:00:00Z"), 0, 0, 1)));
        }
        AnalyticsRunner runner = AnalyticsRunner.create(AnalyticsConfig.forLake(lake.toUri().toString()),
                RunListener.NONE);
        assertThat(runner.run(BuildScope.changed()).changed()).isNotEmpty();
        assertThat(ModelOutput.rows(lake.toString(), "alerts_daily", "day")).isEmpty();

        // a STALE_FEED alert lands for a later day the table has no tick of
        RawFiles.writeAlerts(lake, "stock-alerts+0+00000000000000000000.parquet",
                List.of(alert("quiet", "AAA", "STALE_FEED", "2026-11-22T05:10:00Z", 0)));
        RunResult second = runner.run(BuildScope.changed());

        assertThat(second.changed()).extracting(Object::toString)
                .containsExactly("[2026-11-22T05:00:00Z, 2026-11-22T06:00:00Z)");
        assertThat(ModelOutput.rows(lake.toString(), "alerts_daily", "day").stream()
                .map(row -> row.get("day") + " " + row.get("symbol") + " alerts=" + row.get("alerts")).toList())
                .containsExactly("2026-11-22 AAA alerts=1");
        // recorded: nothing changed since
        assertThat(runner.run(BuildScope.changed()).changed()).isEmpty();
    }
}
