package io.ticklake.simulator.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Holds each tick until the wall clock reaches its event time, so a live simulation or a re-based
 * replay goes out at its own pace. A tick that is due within a millisecond goes at once: sleeping
 * for less is not precise, and at high rates the ticks simply go out in small groups. A run that
 * fell behind sends without waiting until it has caught up.
 */
public final class EventTimePacer {

    private static final long MIN_SLEEP_MILLIS = 1;

    private final Clock clock;
    private final Sleeper sleeper;
    private long waits;

    public EventTimePacer(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Returns once {@code due} has come. */
    public void awaitEventTime(Instant due) throws InterruptedException {
        long delay = due.toEpochMilli() - clock.millis();
        if (delay >= MIN_SLEEP_MILLIS) {
            waits++;
            sleeper.sleep(Duration.ofMillis(delay));
        }
    }

    /** How often the pacer slept (for tests and diagnostics). */
    public long waits() {
        return waits;
    }
}
