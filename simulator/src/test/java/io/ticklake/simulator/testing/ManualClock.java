package io.ticklake.simulator.testing;

import io.ticklake.simulator.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when told to; its {@link #sleeper()} advances it instead of waiting. */
public final class ManualClock extends Clock {

    private Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    public ManualClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** A sleeper that records the wait and moves this clock forward by it. */
    public Sleeper sleeper() {
        return duration -> {
            synchronized (this) {
                sleeps.add(duration);
                now = now.plus(duration);
            }
        };
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a manual clock stays in UTC");
    }
}
