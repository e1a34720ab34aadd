package io.ticklake.analytics.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.analytics.time.TimeRange;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which hours a scope rebuilds, from the table's current identities and the recorded ones. */
class BuildScopeTest {

    private static Instant h(String hour) {
        return Instant.parse(hour + ":00:00Z");
    }

    private static NavigableMap<Instant, String> identities(String... hourAndIdentity) {
        NavigableMap<Instant, String> map = new TreeMap<>();
        for (int i = 0; i < hourAndIdentity.length; i += 2) {
            map.put(h(hourAndIdentity[i]), hourAndIdentity[i + 1]);
        }
        return map;
    }

    @Test
    void changedCoversNewReplacedAndVanishedHoursInRunsOfConsecutiveHours() {
        NavigableMap<Instant, String> built = identities("2026-11-20T10", "a", "2026-11-20T11", "b",
                "2026-11-20T12", "c", "2026-11-20T14", "d", "2026-11-20T20", "e");
        NavigableMap<Instant, String> current = identities("2026-11-20T10", "a", "2026-11-20T11", "B",
                "2026-11-20T12", "C", "2026-11-20T14", "d", "2026-11-20T16", "f");

        assertThat(BuildScope.changed().ranges(current, built)).extracting(TimeRange::toString).containsExactly(
                "[2026-11-20T11:00:00Z, 2026-11-20T13:00:00Z)",   // re-committed 11 and 12
                "[2026-11-20T16:00:00Z, 2026-11-20T17:00:00Z)",   // new
                "[2026-11-20T20:00:00Z, 2026-11-20T21:00:00Z)");  // gone from the table
        assertThat(BuildScope.changed().ranges(current, current)).isEmpty();
    }

    @Test
    void fullCoversTheTablesDaysAndHoursCoversWhatItWasGiven() {
        NavigableMap<Instant, String> current = identities("2026-11-19T23", "a", "2026-11-20T14", "b");

        assertThat(BuildScope.full().ranges(current, current)).extracting(TimeRange::toString)
                .containsExactly("[2026-11-19T00:00:00Z, 2026-11-21T00:00:00Z)");
        assertThat(BuildScope.full().ranges(new TreeMap<>(), current)).isEmpty();
        assertThat(BuildScope.hour(h("2026-11-20T03")).ranges(current, current)).extracting(TimeRange::toString)
                .containsExactly("[2026-11-20T03:00:00Z, 2026-11-20T04:00:00Z)");
    }
}
