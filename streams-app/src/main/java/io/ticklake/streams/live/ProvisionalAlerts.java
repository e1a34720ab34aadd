package io.ticklake.streams.live;

import io.ticklake.schemas.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The alerts the stream threads forwarded and that wait for {@link ProvisionalAlertPublisher} to hand them to
 * the listeners: a bounded FIFO between the stream threads and the delivery thread. Unlike
 * {@link ChangedMinutes} nothing coalesces (every alert is its own event), so order is kept and at most
 * {@code capacity} alerts wait; one more is dropped and counted, never waited for: a stream thread must not
 * stall on a listener. A dropped alert still reaches the page confirmed, from {@code stock-alerts}.
 *
 * <p>Disabled (every offer ignored, after one volatile read) until a listener wants provisional alerts.
 */
public final class ProvisionalAlerts {

    private final ArrayBlockingQueue<Alert> waiting;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean enabled;

    /** @param capacity most alerts waiting for the delivery thread (at least 1) */
    public ProvisionalAlerts(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.waiting = new ArrayBlockingQueue<>(capacity);
    }

    /** Starts or stops recording; stopping forgets what waits. */
    public void enabled(boolean on) {
        enabled = on;
        if (!on) {
            waiting.clear();
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Hands {@code alert} (already forwarded to the alerts topic, not committed yet) to the delivery thread;
     * never blocks. Returns false when it was not recorded: disabled, or full (then counted in {@link #dropped()}).
     */
    public boolean offer(Alert alert) {
        if (!enabled) {
            return false;
        }
        if (!waiting.offer(alert)) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /**
     * Waits up to {@code timeoutMs} for an alert, then takes it and every other one waiting, oldest first; empty
     * when none came in time.
     */
    public List<Alert> take(long timeoutMs) throws InterruptedException {
        Alert first = waiting.poll(timeoutMs, TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<Alert> taken = new ArrayList<>();
        taken.add(first);
        waiting.drainTo(taken);
        return taken;
    }

    /** Alerts waiting now. */
    public int waiting() {
        return waiting.size();
    }

    /** Alerts dropped because {@code capacity} were waiting, since creation. */
    public long dropped() {
        return dropped.get();
    }
}
