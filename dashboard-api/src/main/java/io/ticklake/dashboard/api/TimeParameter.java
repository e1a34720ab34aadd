package io.ticklake.dashboard.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * Parses a time query parameter: epoch milliseconds ({@code 1767322800000}), an ISO-8601 instant
 * ({@code 2026-01-02T03:00:00Z}), an ISO-8601 date-time with offset ({@code 2026-01-02T04:00:00+01:00})
 * or a date ({@code 2026-01-02}, midnight UTC).
 */
public final class TimeParameter {

    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,15}");
    private static final Pattern SPACE_FOR_PLUS = Pattern.compile("(T[0-9:.]+) (\\d{2}:?\\d{2})$");

    private TimeParameter() {
    }

    /** The instant of {@code value}; {@link BadParameterException} naming {@code parameter} if it is none. */
    public static Instant parse(String parameter, String value) {
        String text = value.trim();
        if (text.isEmpty()) {
            throw malformed(parameter, value);
        }
        if (EPOCH_MILLIS.matcher(text).matches()) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        // an unencoded '+' of an offset arrives as a space
        text = SPACE_FOR_PLUS.matcher(text).replaceFirst("$1+$2");
        try {
            return Instant.parse(text);
        } catch (DateTimeException notAnInstant) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notAnOffsetDateTime) {
            // try the next form
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException notADate) {
            throw malformed(parameter, value);
        }
    }

    private static BadParameterException malformed(String parameter, String value) {
        return new BadParameterException(parameter, "query parameter '" + parameter + "' is not a time: '" + value
                + "'; use epoch milliseconds or ISO-8601, e.g. 2026-01-02T03:04:05Z");
    }
}
