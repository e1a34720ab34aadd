package io.ticklake.simulator.replay;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Reads the time column of a replay file. Accepts a date ({@code 2024-05-10}: a daily bar), a local
 * date-time ({@code 2024-05-10 15:55:00} or with {@code T}, in the configured zone), an ISO instant or
 * offset date-time ({@code 2024-05-10T19:55:00Z}), or epoch seconds/milliseconds.
 */
public final class TimestampParser {

    /** Digits only and this long or longer: epoch milliseconds; shorter: epoch seconds. */
    private static final int EPOCH_MILLIS_MIN_DIGITS = 12;

    private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private final ZoneId zone;

    /** @param zone the zone of times written without an offset (exchange time, e.g. America/New_York) */
    public TimestampParser(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * @return the parsed time; {@link ParsedTime#dateOnly()} tells a plain date (a daily bar)
     * @throws IllegalArgumentException naming the value when it is none of the accepted forms
     */
    public ParsedTime parse(String raw) {
        String value = raw == null ? "" : raw.trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("time is empty");
        }
        try {
            if (value.chars().allMatch(Character::isDigit) && value.length() > 8) {
                long number = Long.parseLong(value);
                return new ParsedTime(value.length() >= EPOCH_MILLIS_MIN_DIGITS ? Instant.ofEpochMilli(number)
                        : Instant.ofEpochSecond(number), false);
            }
            if (value.length() == 10) {
                return new ParsedTime(LocalDate.parse(value).atStartOfDay(zone).toInstant(), true);
            }
            if (value.endsWith("Z") || value.endsWith("z") || hasOffset(value)) {
                return new ParsedTime(OffsetDateTime.parse(value.toUpperCase(Locale.ROOT)
                        .replace(' ', 'T')).toInstant(), false);
            }
            return new ParsedTime(LocalDateTime.parse(value, LOCAL_DATE_TIME).atZone(zone).toInstant(), false);
        } catch (DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("time '" + value + "' is not a date (2024-05-10), a date-time"
                    + " (2024-05-10 15:55:00), an ISO instant (2024-05-10T19:55:00Z) or epoch seconds/millis");
        }
    }

    /** True when the value ends with a numeric offset such as {@code +02:00} or {@code -0500}. */
    private static boolean hasOffset(String value) {
        int timeStart = value.length() > 10 ? 10 : value.length();
        String time = value.substring(timeStart);
        return time.contains("+") || time.lastIndexOf('-') > 0;
    }

    /**
     * @param instant  the point in time
     * @param dateOnly whether the value was a plain date
     */
    public record ParsedTime(Instant instant, boolean dateOnly) {
    }
}
