package io.ticklake.simulator.run;

import io.ticklake.simulator.inject.InjectionSettings;
import java.time.Duration;

/**
 * How long a run goes and what it does to the ticks on the way.
 *
 * @param maxTicks  stop after this many source ticks (0: no limit); injected extras come on top
 * @param duration  stop after this long (null: no limit)
 * @param pace      hold ticks whose event time follows the wall clock until it comes (false: as fast as possible)
 * @param injection test-data irregularities ({@link InjectionSettings#NONE} for none)
 */
public record RunOptions(long maxTicks, Duration duration, boolean pace, InjectionSettings injection) {

    public RunOptions {
        if (maxTicks < 0) {
            throw new IllegalArgumentException("maxTicks must be >= 0, was " + maxTicks);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("duration must be positive, was " + duration);
        }
        if (injection == null) {
            injection = InjectionSettings.NONE;
        }
    }

    /** {@code maxTicks} ticks as fast as possible, no injection. */
    public static RunOptions count(long maxTicks) {
        return new RunOptions(maxTicks, null, false, InjectionSettings.NONE);
    }

    public RunOptions withInjection(InjectionSettings value) {
        return new RunOptions(maxTicks, duration, pace, value);
    }

    public RunOptions withPace(boolean value) {
        return new RunOptions(maxTicks, duration, value, injection);
    }

    public RunOptions withDuration(Duration value) {
        return new RunOptions(maxTicks, value, pace, injection);
    }
}
