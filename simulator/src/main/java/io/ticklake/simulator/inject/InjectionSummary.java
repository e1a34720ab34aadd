package io.ticklake.simulator.inject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the test-data mode injected: exact counts per kind, and the injected ticks themselves (up to
 * {@link #RECORD_LIMIT}; counts stay exact beyond it). Thread-safe, so a test can read it while a
 * run is going.
 */
public final class InjectionSummary {

    /** Injected ticks kept for inspection; enough for any test run, bounded for long runs. */
    public static final int RECORD_LIMIT = 1_000_000;

    private final AtomicLongArray counts = new AtomicLongArray(InjectionKind.values().length);
    private final List<InjectedTick> records = new ArrayList<>();

    void record(InjectedTick tick) {
        counts.incrementAndGet(tick.kind().ordinal());
        synchronized (records) {
            if (records.size() < RECORD_LIMIT) {
                records.add(tick);
            }
        }
    }

    public long count(InjectionKind kind) {
        return counts.get(kind.ordinal());
    }

    /** Extra ticks sent beyond the source's: duplicates and invalid copies. */
    public long extraTicks() {
        return count(InjectionKind.DUPLICATE) + count(InjectionKind.INVALID);
    }

    public Map<InjectionKind, Long> counts() {
        Map<InjectionKind, Long> map = new EnumMap<>(InjectionKind.class);
        for (InjectionKind kind : InjectionKind.values()) {
            map.put(kind, count(kind));
        }
        return Collections.unmodifiableMap(map);
    }

    /** The injected ticks in the order they were injected. */
    public List<InjectedTick> injected() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    public List<InjectedTick> injected(InjectionKind kind) {
        return injected().stream().filter(t -> t.kind() == kind).toList();
    }

    /** Whether more ticks were injected than {@link #injected()} holds. */
    public boolean truncated() {
        long total = 0;
        for (InjectionKind kind : InjectionKind.values()) {
            total += count(kind);
        }
        synchronized (records) {
            return total > records.size();
        }
    }
}
