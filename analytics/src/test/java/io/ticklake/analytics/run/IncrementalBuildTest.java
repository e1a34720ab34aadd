package io.ticklake.analytics.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.analytics.AnalyticsConfig;
import io.ticklake.analytics.model.ModelCatalog;
import io.ticklake.analytics.testing.FixtureLake;
import io.ticklake.analytics.testing.ModelComparison;
import io.ticklake.analytics.testing.ModelFixtures;
import io.ticklake.analytics.testing.ModelOutput;
import io.ticklake.analytics.testing.Tick;
import io.ticklake.analytics.time.TimeRange;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental runs (by hour as the scheduler does after each compaction, by day, out of order, after late
 * data re-committed an hour, and of the changed hours only) leave the lake exactly as a full rebuild of the
 * final state does.
 */
class IncrementalBuildTest {

    private static final Tick LATE_IN_14 = Tick.of("AAA", "2026-11-20T14:59:00Z", 125.0, 4, 14);
    private static final Tick LATE_IN_15 = Tick.of("AAA", "2026-11-20T15:30:00Z", 135.0, 2, 15);
    private static final Tick NEXT_DAY = Tick.of("AAA", "2026-11-21T01:00:00Z", 140.0, 1, 16);

    @TempDir
    Path temp;

    private static List<Tick> hour(List<Tick> ticks, String hourPrefix) {
        return ticks.stream().filter(t -> t.eventTime().toString().startsWith(hourPrefix)).toList();
    }

    private static List<Tick> finalState() {
        List<Tick> all = new ArrayList<>(ModelFixtures.day19());
        all.addAll(ModelFixtures.hour14());
        all.add(LATE_IN_14);
        all.addAll(ModelFixtures.hour15());
        all.add(LATE_IN_15);
        all.add(NEXT_DAY);
        return all;
    }

    private String fullBuild() throws Exception {
        Path dir = temp.resolve("full");
        try (FixtureLake lake = new FixtureLake(dir.toString())) {
            lake.publish(finalState());
        }
        run(dir, BuildScope.full());
        return dir.toString();
    }

    private static RunResult run(Path lake, BuildScope scope) {
        return AnalyticsRunner.create(AnalyticsConfig.forLake(lake.toUri().toString()), RunListener.NONE).run(scope);
    }

    private static void publishAndBuildHour(FixtureLake lake, Path dir, List<Tick> ticks) {
        Instant hour = ticks.get(0).eventTime().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        lake.publishHour(hour, ticks, 1);
        run(dir, BuildScope.hour(hour));
    }

    @Test
    void hourByHourWithLateDataEqualsFullRebuild() throws Exception {
        String full = fullBuild();
        Path dir = temp.resolve("hourly");
        try (FixtureLake lake = new FixtureLake(dir.toString())) {
            List<Tick> early = ModelFixtures.day19();
            publishAndBuildHour(lake, dir, hour(early, "2026-11-10T09"));
            publishAndBuildHour(lake, dir, hour(early, "2026-11-16T09"));
            publishAndBuildHour(lake, dir, hour(early, "2026-11-19T23"));
            publishAndBuildHour(lake, dir, ModelFixtures.hour14());
            publishAndBuildHour(lake, dir, ModelFixtures.hour15());
            publishAndBuildHour(lake, dir, List.of(NEXT_DAY));

            // late ticks: compaction re-commits hours 14 and 15; each hour's rebuild must reach
            // forward into the next hour (moving averages, volatility) and the next day (previous close)
            List<Tick> hour14 = new ArrayList<>(ModelFixtures.hour14());
            hour14.add(LATE_IN_14);
            publishAndBuildHour(lake, dir, hour14);
            List<Tick> hour15 = new ArrayList<>(ModelFixtures.hour15());
            hour15.add(LATE_IN_15);
            publishAndBuildHour(lake, dir, hour15);
        }
        ModelComparison.assertSameModels(full, dir.toString(), ModelCatalog.builtIn());

        // the late close of 11-20 (135) reached 11-21's change
        Map<String, Object> next = ModelOutput.query(dir.toString(), "SELECT previous_close FROM read_parquet('" + dir
                + "/models/daily_summary/*/*/*/*.parquet', hive_partitioning = false) WHERE day = DATE '2026-11-21'").get(0);
        assertThat(next.get("previous_close")).isEqualTo(135.0);
    }

    @Test
    void hoursBuiltOutOfOrderEqualFullRebuild() throws Exception {
        String full = fullBuild();
        Path dir = temp.resolve("shuffled");
        List<Tick> all = finalState();
        try (FixtureLake lake = new FixtureLake(dir.toString())) {
            for (String hour : List.of("2026-11-21T01", "2026-11-20T15", "2026-11-19T23", "2026-11-20T14",
                    "2026-11-16T09", "2026-11-10T09")) {
                publishAndBuildHour(lake, dir, hour(all, hour));
            }
        }
        ModelComparison.assertSameModels(full, dir.toString(), ModelCatalog.builtIn());
    }

    @Test
    void dayByDayInReverseEqualsFullRebuild() throws Exception {
        String full = fullBuild();
        Path dir = temp.resolve("daily");
        try (FixtureLake lake = new FixtureLake(dir.toString())) {
            lake.publish(finalState());
        }
        for (String day : List.of("2026-11-21", "2026-11-20", "2026-11-19", "2026-11-16", "2026-11-10")) {
            RunResult result = run(dir, BuildScope.day(LocalDate.parse(day)));
            assertThat(result.model("daily_summary").range().start()).isEqualTo(day + "T00:00:00Z");
        }
        ModelComparison.assertSameModels(full, dir.toString(), ModelCatalog.builtIn());
    }

    @Test
    void anHourRebuildRewritesOnlyTheDaysItReaches() throws Exception {
        Path dir = temp.resolve("scope");
        try (FixtureLake lake = new FixtureLake(dir.toString())) {
            lake.publish(finalState());
        }
        run(dir, BuildScope.full());
        RunResult result = run(dir, BuildScope.hour(Instant.parse("2026-11-20T14:00:00Z")));

        assertThat(result.model("stg_ticks").range()).hasToString("[2026-11-20T14:00:00Z, 2026-11-20T15:00:00Z)");
        assertThat(result.model("ohlcv_1m").partitions()).isEqualTo(1);
        // windows looking back one hour reach the next hour
        assertThat(result.model("moving_averages").range()).hasToString("[2026-11-20T14:00:00Z, 2026-11-20T16:00:00Z)");
        // the previous close reaches the next days, up to the last published day
        assertThat(result.model("daily_summary").range()).hasToString("[2026-11-20T00:00:00Z, 2026-11-22T00:00:00Z)");
        assertThat(result.model("daily_summary").partitions()).isEqualTo(2);
        assertThat(result.model("stg_ticks").rows()).isEqualTo(hour(finalState(), "2026-11-20T14").size());
    }

    @Test
    void aChangedRunRebuildsOnlyTheReCommittedHourAndItsOutputsChangeByExactlyTheLateTick() throws Exception {
        Path dir = temp.resolve("changed");
        List<Tick> before = new ArrayList<>(finalState());
        before.removeAll(List.of(LATE_IN_14, LATE_IN_15));
        try (FixtureLake lake = new FixtureLake(dir.toString())) {
            lake.publish(before);
            RunResult first = run(dir, BuildScope.changed());
            assertThat(first.changed()).as("nothing was built yet: every hour, in runs of consecutive hours")
                    .hasSize(5);
            List<Map<String, Object>> bars = ModelOutput.rows(dir.toString(), "ohlcv_1m", "symbol, window_start");
            List<Map<String, Object>> days = ModelOutput.rows(dir.toString(), "daily_summary", "symbol, day");

            // compaction re-commits hour 14 with one late tick
            List<Tick> hour14 = new ArrayList<>(hour(before, "2026-11-20T14"));
            hour14.add(LATE_IN_14);
            lake.publishHour(Instant.parse("2026-11-20T14:00:00Z"), hour14, 1);
            RunResult second = run(dir, BuildScope.changed());

            assertThat(second.changed()).extracting(TimeRange::toString)
                    .containsExactly("[2026-11-20T14:00:00Z, 2026-11-20T15:00:00Z)");
            assertThat(second.model("stg_ticks").rows()).isEqualTo(hour14.size());

            List<Map<String, Object>> barsAfter = ModelOutput.rows(dir.toString(), "ohlcv_1m", "symbol, window_start");
            List<Map<String, Object>> added = new ArrayList<>(barsAfter);
            added.removeAll(bars);
            assertThat(barsAfter).containsAll(bars);
            assertThat(added).singleElement().satisfies(bar -> {
                assertThat(bar).containsEntry("symbol", "AAA").containsEntry("window_start", "2026-11-20T14:59:00Z")
                        .containsEntry("trade_count", 1L).containsEntry("volume", 4L).containsEntry("open", 125.0);
            });

            List<Map<String, Object>> daysAfter = ModelOutput.rows(dir.toString(), "daily_summary", "symbol, day");
            assertThat(daysAfter).hasSameSizeAs(days);
            for (int i = 0; i < days.size(); i++) {
                Map<String, Object> old = days.get(i);
                Map<String, Object> now = daysAfter.get(i);
                if (old.get("symbol").equals("AAA") && old.get("day").equals("2026-11-20")) {
                    assertThat((Long) now.get("volume")).isEqualTo((Long) old.get("volume") + 4);
                    assertThat((Long) now.get("trade_count")).isEqualTo((Long) old.get("trade_count") + 1);
                    assertThat(now.get("close")).isEqualTo(old.get("close"));
                } else {
                    assertThat(now).as("daily_summary %s %s", old.get("symbol"), old.get("day")).isEqualTo(old);
                }
            }

            // nothing changed since: nothing to build, nothing rewritten
            RunResult third = run(dir, BuildScope.changed());
            assertThat(third.changed()).isEmpty();
            assertThat(third.models()).isEmpty();
        }
        // and the lake is what a full rebuild of the final state gives
        List<Tick> after = new ArrayList<>(before);
        after.add(LATE_IN_14);
        Path full = temp.resolve("changed-full");
        try (FixtureLake lake = new FixtureLake(full.toString())) {
            lake.publish(after);
        }
        run(full, BuildScope.full());
        ModelComparison.assertSameModels(full.toString(), dir.toString(), ModelCatalog.builtIn());
    }

    @Test
    void anHourGoneFromTheTableIsRebuiltEmpty() throws Exception {
        Path dir = temp.resolve("gone");
        try (FixtureLake lake = new FixtureLake(dir.toString())) {
            lake.publish(finalState());
            run(dir, BuildScope.full());
            lake.publishHour(Instant.parse("2026-11-21T01:00:00Z"), List.of(), 1);
        }
        RunResult result = run(dir, BuildScope.changed());

        assertThat(result.changed()).extracting(TimeRange::toString)
                .containsExactly("[2026-11-21T01:00:00Z, 2026-11-21T02:00:00Z)");
        assertThat(ModelOutput.query(dir.toString(), "SELECT * FROM read_parquet('" + dir
                + "/models/ohlcv_1m/*/*/*/*.parquet', hive_partitioning = false) WHERE window_start >= "
                + "TIMESTAMPTZ '2026-11-21 00:00:00+00'")).isEmpty();
        assertThat(run(dir, BuildScope.changed()).changed()).isEmpty();
    }
}
