package io.ticklake.analytics.testing;

import java.util.List;

/**
 * The ticks behind the hand-computed expectations of the model tests. AAA trades on 2026-11-19 and in
 * hours 14 and 15 of 2026-11-20 (with same-millisecond ties, a zero-volume minute, gaps between minutes);
 * BBB only at 14:02; DDD four days apart (previous close within the 7-day look-back), CCC ten days apart
 * (outside it).
 */
public final class ModelFixtures {

    private ModelFixtures() {
    }

    public static List<Tick> day19() {
        return List.of(
                Tick.of("AAA", "2026-11-19T23:30:00Z", 100.0, 10, 100),
                Tick.of("DDD", "2026-11-16T09:00:00Z", 40.0, 1, 200),
                Tick.of("CCC", "2026-11-10T09:00:00Z", 70.0, 1, 300));
    }

    public static List<Tick> hour14() {
        return List.of(
                Tick.of("AAA", "2026-11-20T14:00:10Z", 101.0, 10, 1),
                Tick.of("AAA", "2026-11-20T14:00:30Z", 103.0, 30, 2),
                Tick.of("AAA", "2026-11-20T14:00:59.999Z", 102.0, 0, 3),
                // three ticks in the same millisecond, ordered by sequence (6, 7, 8), not by coordinates
                Tick.of("AAA", "2026-11-20T14:01:00Z", 104.0, 5, 5).onPartition(1).withSequence(7),
                Tick.of("AAA", "2026-11-20T14:01:00Z", 106.0, 10, 7).withSequence(8),
                Tick.of("AAA", "2026-11-20T14:01:00Z", 105.0, 5, 9).withSequence(6),
                Tick.of("AAA", "2026-11-20T14:05:00Z", 110.0, 0, 10),
                Tick.of("AAA", "2026-11-20T14:06:00Z", 108.0, 2, 11),
                Tick.of("AAA", "2026-11-20T14:20:00Z", 120.0, 1, 12),
                Tick.of("BBB", "2026-11-20T14:02:00Z", 50.0, 100, 1).onPartition(2),
                Tick.of("BBB", "2026-11-20T14:02:30Z", 52.0, 100, 2).onPartition(2),
                Tick.of("DDD", "2026-11-20T14:30:00Z", 42.0, 3, 201),
                Tick.of("CCC", "2026-11-20T14:40:00Z", 77.0, 1, 301));
    }

    public static List<Tick> hour15() {
        return List.of(Tick.of("AAA", "2026-11-20T15:10:00Z", 130.0, 1, 13));
    }
}
