package io.ticklake.analytics.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses the hour and day notations used on the command line and in Airflow (always UTC). */
public final class TimeArguments {

    private TimeArguments() {
    }

    /**
     * An hour as {@code 2026-11-20T14}, {@code 2026-11-20T14:00}, {@code 2026-11-20T14:00:00Z} or any ISO
     * instant on an hour boundary.
     */
    public static Instant parseHour(String text) {
        String t = text.trim();
        Instant instant;
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}")) {
                instant = LocalDateTime.parse(t + ":00").toInstant(ZoneOffset.UTC);
            } else if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$")) {
                instant = OffsetDateTime.parse(t).toInstant();
            } else {
                instant = LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an hour (expected e.g. 2026-11-20T14, UTC)");
        }
        if (!Grain.HOUR.floor(instant).equals(instant)) {
            throw new IllegalArgumentException("'" + text + "' is not on an hour boundary");
        }
        return instant;
    }

    /** A UTC day as {@code 2026-11-20}. */
    public static LocalDate parseDay(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a day (expected e.g. 2026-11-20)");
        }
    }
}
