package io.ticklake.spark.options;

import io.ticklake.schemas.serde.ClientPropertiesFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for option values; each throws {@link IllegalArgumentException} saying what is expected. */
public final class Parsers {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|k|kb|m|mb|g|gb)?");

    private Parsers() {
    }

    public static String text(String value) {
        return value;
    }

    /** {@code 30s}, {@code 15m}, {@code 1h}, {@code 2d}, {@code 500ms} or ISO-8601 ({@code PT15M}). */
    public static Duration duration(String value) {
        Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a duration like 30s, 15m, 1h, 2d or PT15M");
        }
    }

    /** A non-negative duration. */
    public static Duration nonNegativeDuration(String value) {
        Duration d = duration(value);
        if (d.isNegative()) {
            throw new IllegalArgumentException("must not be negative");
        }
        return d;
    }

    /** {@code 134217728}, {@code 128MB}, {@code 64m}, {@code 1g}. */
    public static long bytes(String value) {
        Matcher m = SIZE.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size like 134217728, 128MB or 1GB");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit) {
            case "k", "kb" -> n << 10;
            case "m", "mb" -> n << 20;
            case "g", "gb" -> n << 30;
            default -> n;
        };
    }

    /** A size between the bounds, inclusive. */
    public static Function<String, Long> bytesBetween(long min, long max) {
        return value -> {
            long n = bytes(value);
            if (n < min || n > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max + " bytes");
            }
            return n;
        };
    }

    public static Function<String, Long> longAtLeast(long min) {
        return value -> {
            long n;
            try {
                n = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number");
            }
            if (n < min) {
                throw new IllegalArgumentException("must be at least " + min);
            }
            return n;
        };
    }

    public static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    /** An absolute URI with a scheme. */
    public static String uri(String value) {
        URI uri = URI.create(value);
        if (uri.getScheme() == null) {
            throw new IllegalArgumentException("expected a URI with a scheme, e.g. file:///data/lake or s3a://bucket/lake");
        }
        return value;
    }

    /** A Java properties file (Kafka's client config format), read now: its keys and trimmed values. */
    public static Map<String, String> propertiesFile(String value) {
        try {
            return ClientPropertiesFile.load(Path.of(value));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read it: " + e);
        }
    }

    /** A lake URI: {@code file:}, {@code s3a:} or {@code s3:}. */
    public static String lakeUri(String value) {
        io.ticklake.lake.LakeUri.parse(value); // the one parser of the lake contract: its message names the forms
        return value;
    }

    /** An instant: ISO-8601 ({@code 2026-11-20T14:00:00Z}) or epoch milliseconds. */
    public static Instant instant(String value) {
        if (value.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(value));
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected an ISO-8601 instant like 2026-11-20T14:00:00Z or epoch milliseconds");
        }
    }

    /** One of the given words, case-insensitive, returned in lower case. */
    public static Function<String, String> oneOf(String... allowed) {
        return value -> {
            String v = value.toLowerCase(Locale.ROOT);
            if (Arrays.asList(allowed).contains(v)) {
                return v;
            }
            throw new IllegalArgumentException("expected one of " + String.join(", ", allowed));
        };
    }
}
