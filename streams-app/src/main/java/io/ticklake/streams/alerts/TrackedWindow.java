package io.ticklake.streams.alerts;

import io.ticklake.streams.kpi.Candle;
import io.ticklake.streams.kpi.KpiWindow;

/**
 * One symbol's current and previous window of one size, as the alerts see them: the same {@link Candle} the KPIs
 * are computed from, updated on every accepted tick (the emitted KPIs are coalesced per commit, too late to fire
 * at the tick that crosses). {@code previous} is the window immediately before {@code current}; it is
 * {@link #previousKnown()} once the track has moved past it (an empty candle when no tick fell in it). A track
 * starts with the symbol's first tick after alerts were enabled, so its first window counts from that tick.
 */
final class TrackedWindow {

    static final long NONE = Long.MIN_VALUE;

    final KpiWindow window;
    long start = NONE;
    Candle current = Candle.empty();
    Candle previous = Candle.empty();
    boolean previousKnown;

    TrackedWindow(KpiWindow window) {
        this.window = window;
    }

    /**
     * Adds a tick; returns the volumes of the windows that leave the "previous" slot for good because the track
     * moved forward, oldest first (the volume history takes them), capped at {@code maxCompleted}.
     */
    long[] add(double price, long volume, long eventTime, long sequence, int maxCompleted) {
        long tickStart = window.startOf(eventTime);
        if (start == NONE || tickStart == start) {
            start = tickStart;
            current.add(price, volume, eventTime, sequence);
            return EMPTY;
        }
        if (tickStart < start) {
            // a late tick of the previous window still counts there; anything older is no longer tracked
            if (previousKnown && tickStart == start - window.sizeMs()) {
                previous.add(price, volume, eventTime, sequence);
            }
            return EMPTY;
        }
        long steps = (tickStart - start) / window.sizeMs();
        long[] completed = completedVolumes(steps, maxCompleted);
        previous = steps == 1 ? current : Candle.empty();
        previousKnown = true;
        current = Candle.empty().add(price, volume, eventTime, sequence);
        start = tickStart;
        return completed;
    }

    private long[] completedVolumes(long steps, int maxCompleted) {
        // leaving: the old previous (when known), then the old current and the empty windows skipped, if any
        long count = (previousKnown ? 1 : 0) + (steps >= 2 ? 1 + (steps - 2) : 0);
        int kept = (int) Math.min(count, maxCompleted);
        long[] volumes = new long[kept];
        int index = 0;
        long skip = count - kept;
        if (previousKnown) {
            if (skip > 0) {
                skip--;
            } else {
                volumes[index++] = previous.volume();
            }
        }
        if (steps >= 2) {
            if (skip > 0) {
                skip--;
            } else {
                volumes[index++] = current.volume();
            }
            // the skipped windows had no tick: volume 0, already in place
        }
        return volumes;
    }

    /** The window size. */
    KpiWindow window() {
        return window;
    }

    /** Start of the current window. */
    long start() {
        return start;
    }

    /** The current window's ticks so far, this tick included. */
    Candle current() {
        return current;
    }

    /** The window before the current one, when {@link #previousKnown()}. */
    Candle previous() {
        return previous;
    }

    /** Whether the track has moved past the previous window, so its candle is what the track saw of it. */
    boolean previousKnown() {
        return previousKnown;
    }

    private static final long[] EMPTY = new long[0];
}
