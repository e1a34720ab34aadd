package io.ticklake.connect.writer;

import java.time.Duration;

/** Doubling waits between retries, capped; reset by a success. */
public final class Backoff {

    private final long initialMs;
    private final long maxMs;
    private int failures;

    public Backoff(Duration initial, Duration max) {
        this.initialMs = initial.toMillis();
        this.maxMs = Math.max(max.toMillis(), initialMs);
    }

    /** The wait before the next attempt; each call counts one more failure. */
    public long nextDelayMs() {
        long delay = initialMs << Math.min(failures, 30);
        failures++;
        return delay <= 0 || delay > maxMs ? maxMs : delay;
    }

    public int failures() {
        return failures;
    }

    public void reset() {
        failures = 0;
    }
}
