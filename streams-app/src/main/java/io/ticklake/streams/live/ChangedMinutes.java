package io.ticklake.streams.live;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The 1-minute windows that took a tick since the last provisional round, by input partition and
 * symbol: what the stream threads mark and {@link ProvisionalPublisher} drains. A minute marked many
 * times waits once (its KPIs are read from the stores when the round runs, so they are the latest:
 * coalescing to the newest value is right for KPIs), and at most {@code capacity} minutes wait; a
 * change beyond that is dropped and counted, and the window shows again with its next tick or its
 * committed value. Marking costs a lock and a hash-set insert, so a stream thread never waits for a
 * listener.
 *
 * <p>Disabled (every mark ignored) until a listener wants provisional KPIs.
 */
public final class ChangedMinutes {

    /** A changed minute: the input partition whose task holds its state, the symbol, the minute's start. */
    public record Change(int partition, String symbol, long minuteStart) {
    }

    private final int capacity;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean enabled;
    private Set<Change> pending = new LinkedHashSet<>();

    /** @param capacity most distinct minutes waiting for a round (at least 1) */
    public ChangedMinutes(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Starts or stops recording; stopping forgets what waits. */
    public void enabled(boolean on) {
        enabled = on;
        if (!on) {
            synchronized (this) {
                pending = new LinkedHashSet<>();
            }
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Records that {@code symbol}'s minute starting at {@code minuteStart} (partition {@code partition})
     * changed. Returns false when it was not recorded: disabled, or full (then counted in {@link #dropped()}).
     */
    public boolean mark(int partition, String symbol, long minuteStart) {
        if (!enabled) {
            return false;
        }
        Change change = new Change(partition, symbol, minuteStart);
        synchronized (this) {
            if (pending.size() >= capacity && !pending.contains(change)) {
                dropped.incrementAndGet();
                return false;
            }
            pending.add(change);
            return true;
        }
    }

    /** Takes every waiting change, in the order each was first marked since the last drain. */
    public List<Change> drain() {
        Set<Change> taken;
        synchronized (this) {
            if (pending.isEmpty()) {
                return List.of();
            }
            taken = pending;
            pending = new LinkedHashSet<>();
        }
        return new ArrayList<>(taken);
    }

    /** Changes waiting now. */
    public synchronized int waiting() {
        return pending.size();
    }

    /** Changes dropped because {@code capacity} were waiting, since creation. */
    public long dropped() {
        return dropped.get();
    }
}
