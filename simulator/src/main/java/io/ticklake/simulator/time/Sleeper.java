package io.ticklake.simulator.time;

import java.time.Duration;

/** Waits; tests substitute one that advances a manual clock instead. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps with {@link Thread#sleep}, so an interrupt (Ctrl-C) ends the wait. */
    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
