package io.ticklake.streams.query;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * An HTTP {@code Retry-After} value in either form HTTP allows (RFC 9110 §10.2.3): delay-seconds
 * ({@code 120}) or an HTTP-date ({@code Fri, 31 Dec 1999 23:59:59 GMT}). A peer or proxy may send either, and
 * a value we cannot read must not turn a "try again" into an error: it falls back to our own hint.
 */
final class RetryAfter {

    private RetryAfter() {
    }

    static Duration parse(String value, Instant now, Duration fallback) {
        String text = value == null ? "" : value.trim();
        if (text.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration until = Duration.between(now, at);
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException notADate) {
            return fallback;
        }
    }
}
