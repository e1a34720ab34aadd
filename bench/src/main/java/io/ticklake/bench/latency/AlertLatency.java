package io.ticklake.bench.latency;

import org.HdrHistogram.Histogram;

/**
 * Tick → alert frame latency, for one kind of frame (the first frame of each alert, or its confirmed one): an
 * alert carries the event time of the tick that fired it, which the open-loop producer sets to the tick's due
 * send time (to the millisecond), so each alert's latency is taken from when that tick was due (at most 1 ms more
 * than the exact due time), and only alerts of ticks due in the measured interval are recorded.
 */
final class AlertLatency {

    private final Histogram micros = new Histogram(3);
    private long startNanos;
    private long startMillis;
    private long measureFromNanos = Long.MAX_VALUE;
    private long measureUntilNanos = Long.MAX_VALUE;
    private long received;

    /** The producer's clock pair: tick due at {@code startNanos} has event time {@code startMillis}. */
    synchronized void start(long startNanos, long startMillis) {
        this.startNanos = startNanos;
        this.startMillis = startMillis;
    }

    synchronized void measure(long fromNanos, long untilNanos) {
        measureFromNanos = fromNanos;
        measureUntilNanos = untilNanos;
    }

    synchronized void alert(long eventTimeMs, long arrivedNanos) {
        received++;
        long due = startNanos + (eventTimeMs - startMillis) * 1_000_000L;
        if (due >= measureFromNanos && due < measureUntilNanos) {
            micros.recordValue(Math.max(0, (arrivedNanos - due) / 1_000));
        }
    }

    synchronized long received() {
        return received;
    }

    synchronized Histogram histogram() {
        return micros.copy();
    }
}
