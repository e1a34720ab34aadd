package io.ticklake.bench.openloop;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The open-loop schedule both loads share: event {@code i} is due at {@code start + i / rate}, whatever
 * happened to the events before it. {@link #awaitNext} waits for the next due time and returns it (the
 * moment latencies are measured from), or -1 once the end has come.
 */
public final class FixedRateSchedule {

    private final long startNanos;
    private final double periodNanos;
    private final LongSupplier endNanos;
    private long next;

    /** @param endNanos read before every event, so it may be moved while the schedule runs */
    public FixedRateSchedule(int ratePerSecond, long startNanos, LongSupplier endNanos) {
        this.startNanos = startNanos;
        this.periodNanos = TimeUnit.SECONDS.toNanos(1) / (double) ratePerSecond;
        this.endNanos = endNanos;
    }

    public long awaitNext() {
        long due = startNanos + (long) (next * periodNanos);
        if (due >= endNanos.getAsLong()) {
            return -1;
        }
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        next++;
        return due;
    }

    /** How many events were due so far. */
    public long count() {
        return next;
    }
}
