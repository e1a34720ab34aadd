package io.ticklake.analytics.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.analytics.model.ModelCatalog;
import io.ticklake.analytics.model.ModelDefinition;
import io.ticklake.analytics.model.ModelFileParser;
import io.ticklake.analytics.time.TimeRange;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildPlannerTest {

    private static final TimeRange HOUR_14 = new TimeRange(Instant.parse("2026-11-20T14:00:00Z"),
            Instant.parse("2026-11-20T15:00:00Z"));
    private static final Instant END_OF_DATA = Instant.parse("2026-11-23T00:00:00Z");

    private static ModelDefinition model(String name, String header) {
        return ModelFileParser.parse(name, header + "\n-- time_column: t\n-- unique_key: k\nSELECT 1", name + ".sql");
    }

    private static final ModelCatalog CATALOG = ModelCatalog.of(List.of(
            model("staging", "-- materialized: table"),
            model("bars", "-- depends_on: staging"),
            model("ticks_window", "-- depends_on: staging\n-- lookback: 30m"),
            model("averages", "-- depends_on: bars\n-- lookback: 1h"),
            model("daily", "-- depends_on: bars\n-- grain: day\n-- lookback: 7d"),
            model("raw_quality", "-- source: raw\n-- lookback: 1h\n-- lookahead: 1h")), List.of());

    private static String range(BuildPlan plan, String model) {
        return plan.rangeOf(model).toString();
    }

    @Test
    void propagatesAChangedHourForwardByEachLookback() {
        BuildPlan plan = BuildPlanner.plan(CATALOG, HOUR_14, END_OF_DATA);
        assertThat(range(plan, "bars")).isEqualTo("[2026-11-20T14:00:00Z, 2026-11-20T15:00:00Z)");
        // 30 minutes forward, widened to whole hours
        assertThat(range(plan, "ticks_window")).isEqualTo("[2026-11-20T14:00:00Z, 2026-11-20T16:00:00Z)");
        assertThat(range(plan, "averages")).isEqualTo("[2026-11-20T14:00:00Z, 2026-11-20T16:00:00Z)");
        // seven days forward, whole days, cut at the last published day
        assertThat(range(plan, "daily")).isEqualTo("[2026-11-20T00:00:00Z, 2026-11-23T00:00:00Z)");
    }

    @Test
    void aLakeModelLookingAheadAndBackAlsoCoversTheHoursAroundTheChange() {
        BuildPlan plan = BuildPlanner.plan(CATALOG, HOUR_14, END_OF_DATA);
        // 13:00 looks ahead into 14:00, 15:00 looks back into it
        assertThat(range(plan, "raw_quality")).isEqualTo("[2026-11-20T13:00:00Z, 2026-11-20T16:00:00Z)");
    }

    @Test
    void aTableModelAlsoCoversWhatItsReadersLookBackInto() {
        BuildPlan plan = BuildPlanner.plan(CATALOG, HOUR_14, END_OF_DATA);
        // ticks_window recomputes 14:00-16:00 and looks back 30 minutes
        assertThat(range(plan, "staging")).isEqualTo("[2026-11-20T13:30:00Z, 2026-11-20T16:00:00Z)");
    }

    @Test
    void nothingIsPlannedPastTheEndOfData() {
        Instant end = Instant.parse("2026-11-20T15:00:00Z");
        BuildPlan plan = BuildPlanner.plan(CATALOG, HOUR_14, end);
        assertThat(range(plan, "averages")).isEqualTo("[2026-11-20T14:00:00Z, 2026-11-20T15:00:00Z)");
        assertThat(range(plan, "daily")).isEqualTo("[2026-11-20T00:00:00Z, 2026-11-20T15:00:00Z)");
    }
}
