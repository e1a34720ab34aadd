package io.ticklake.e2e.reference;

import static io.ticklake.e2e.reference.Ticks.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpiComparisonTest {

    private static final Kpi BASE = new Kpi("AAPL", T0, T0.plusSeconds(60), 100, 102, 98, 101, 100.25, 101.2, 100, 4,
            1.479019945774904, T0.plusSeconds(30), 100.25, 100.25);

    @Test
    void acceptsRoundingWithinTheToleranceOnComputedFieldsOnly() {
        Kpi rounded = new Kpi("AAPL", T0, T0.plusSeconds(60), 100, 102, 98, 101, 100.25 * (1 + 5e-10),
                101.2 * (1 - 5e-10), 100, 4, 1.479019945774904 + 1e-9, T0.plusSeconds(30), 100.25, 100.25);
        assertThat(KpiComparison.differences(Map.of(BASE.key(), BASE), Map.of(rounded.key(), rounded), true)).isEmpty();
    }

    @Test
    void reportsEveryOtherDifference() {
        Kpi other = new Kpi("AAPL", T0, T0.plusSeconds(60), 100.01, 102, 98, 101, 100.25 * (1 + 1e-8), 101.2, 101, 4,
                1.479019945774904, T0.plusSeconds(31), 100.25, null);
        Kpi missing = new Kpi("MSFT", T0, T0.plusSeconds(60), 1, 1, 1, 1, 1, 1, 1, 1, 0, T0, 1.0, 1.0);

        List<String> differences = KpiComparison.differences(Map.of(BASE.key(), BASE, missing.key(), missing),
                Map.of(other.key(), other), true);

        assertThat(differences).hasSize(6).anyMatch(d -> d.contains("volume")).anyMatch(d -> d.contains("open"))
                .anyMatch(d -> d.contains("avg")).anyMatch(d -> d.contains("last_event_time"))
                .anyMatch(d -> d.contains("ma_1h")).anyMatch(d -> d.startsWith("MSFT") && d.contains("missing"));
        assertThat(KpiComparison.differences(Map.of(BASE.key(), BASE), Map.of(other.key(), other), false))
                .noneMatch(d -> d.contains("ma_1h"));
    }
}
