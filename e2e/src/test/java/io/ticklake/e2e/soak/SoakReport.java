package io.ticklake.e2e.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.LongSummaryStatistics;

/** What a soak did and found: the faults with their recovery times, and the verified counts. */
public final class SoakReport {

    private final long seed;
    private final List<FaultRecord> faults = new ArrayList<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private Duration wallTime = Duration.ZERO;

    public SoakReport(long seed) {
        this.seed = seed;
    }

    public synchronized void fault(FaultRecord record) {
        faults.add(record);
    }

    /** A verified count, e.g. "valid ticks in the raw lake". */
    public synchronized void count(String what, long value) {
        counts.put(what, value);
    }

    /** Something that was wrong: lost or duplicated records, a stuck task, a wrong KPI. */
    public synchronized void problem(String description) {
        problems.add(description);
    }

    public synchronized void wallTime(Duration value) {
        wallTime = value;
    }

    public synchronized List<FaultRecord> faults() {
        return List.copyOf(faults);
    }

    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    public synchronized long count(String what) {
        return counts.getOrDefault(what, -1L);
    }

    public synchronized String toText() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "soak report (seed %d, %d s)%n", seed, wallTime.toSeconds()));
        text.append("faults injected:\n");
        for (FaultRecord f : faults) {
            text.append(String.format(Locale.ROOT, "  round %d  %-17s %-22s lasted %5.1f s, recovered after %5.1f s%n",
                    f.round(), f.fault(), f.target(), f.length().toMillis() / 1000.0,
                    f.recovery().toMillis() / 1000.0));
        }
        text.append("recovery time per fault kind (min / mean / max):\n");
        Map<Fault, LongSummaryStatistics> byKind = new EnumMap<>(Fault.class);
        faults.forEach(f -> byKind.computeIfAbsent(f.fault(), k -> new LongSummaryStatistics())
                .accept(f.recovery().toMillis()));
        byKind.forEach((kind, s) -> text.append(String.format(Locale.ROOT, "  %-17s x%d  %5.1f / %5.1f / %5.1f s%n",
                kind, s.getCount(), s.getMin() / 1000.0, s.getAverage() / 1000.0, s.getMax() / 1000.0)));
        text.append("records verified:\n");
        counts.forEach((what, value) -> text.append(String.format(Locale.ROOT, "  %-45s %d%n", what, value)));
        text.append(problems.isEmpty() ? "no problem found: nothing lost, nothing duplicated, nothing stuck\n"
                : "PROBLEMS:\n");
        problems.forEach(p -> text.append("  - ").append(p).append('\n'));
        return text.toString();
    }
}
