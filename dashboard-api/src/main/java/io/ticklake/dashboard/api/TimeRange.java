package io.ticklake.dashboard.api;

import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.time.Instant;

/**
 * The [from, to) range of a KPI query, with defaults and limits counted in windows of the requested
 * size: without {@code to}, up to the end of the window after the current one (ticks may carry a
 * slightly future event time); without {@code from}, {@code defaultWindows} windows before {@code to}.
 *
 * @param from inclusive: windows starting at or after it
 * @param to   exclusive: windows starting before it
 */
public record TimeRange(Instant from, Instant to) {

    /** Resolves and checks the {@code from}/{@code to} parameters of a query of {@code windowMs}-sized windows. */
    public static TimeRange resolve(@Nullable String fromText, @Nullable String toText, long windowMs,
                                    int defaultWindows, int maxWindows, Clock clock) {
        Instant to = blank(toText) ? defaultTo(clock.millis(), windowMs) : TimeParameter.parse("to", toText);
        Instant from = blank(fromText) ? to.minusMillis(defaultWindows * windowMs)
                : TimeParameter.parse("from", fromText);
        if (!from.isBefore(to)) {
            throw new BadParameterException("from", "query parameter 'from' (" + from + ") must be before 'to' ("
                    + to + ")");
        }
        long windows = -Math.floorDiv(from.toEpochMilli() - to.toEpochMilli(), windowMs);
        if (windows > maxWindows) {
            throw new BadParameterException("from", "the range from=" + from + " to=" + to + " spans " + windows
                    + " windows of " + windowMs / 1000 + " s; at most " + maxWindows
                    + " are answered at once: move 'from' closer to 'to'");
        }
        return new TimeRange(from, to);
    }

    private static Instant defaultTo(long nowMs, long windowMs) {
        return Instant.ofEpochMilli(Math.floorDiv(nowMs, windowMs) * windowMs + 2 * windowMs);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
