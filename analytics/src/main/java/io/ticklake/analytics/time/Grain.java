package io.ticklake.analytics.time;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The unit a model is computed in: its ranges always start and end on this unit's UTC boundaries. */
public enum Grain {
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1));

    private final Duration length;

    Grain(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }

    /** The start of the unit containing {@code instant} (UTC, epoch-aligned). */
    public Instant floor(Instant instant) {
        return instant.truncatedTo(this == HOUR ? ChronoUnit.HOURS : ChronoUnit.DAYS);
    }

    /** The smallest unit boundary at or after {@code instant}. */
    public Instant ceil(Instant instant) {
        Instant floor = floor(instant);
        return floor.equals(instant) ? floor : floor.plus(length);
    }

    /** Parses {@code hour} or {@code day}. */
    public static Grain parse(String text) {
        for (Grain grain : values()) {
            if (grain.name().equalsIgnoreCase(text.trim())) {
                return grain;
            }
        }
        throw new IllegalArgumentException("unknown grain '" + text + "' (allowed: hour, day)");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
