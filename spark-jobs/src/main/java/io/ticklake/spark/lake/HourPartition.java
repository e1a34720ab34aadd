package io.ticklake.spark.lake;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One UTC hour of the lake, e.g. {@code year=2026/month=11/day=20/hour=14}. Partition values always
 * come from {@code event_time} in UTC, so an hour is identified by its start instant.
 */
public record HourPartition(Instant start) implements Comparable<HourPartition>, java.io.Serializable {

    private static final Pattern PATH = Pattern.compile(
            "(?:^|.*/)year=(\\d{4})/month=(\\d{2})/day=(\\d{2})/hour=(\\d{2})/?$");

    public HourPartition {
        if (!start.truncatedTo(ChronoUnit.HOURS).equals(start)) {
            throw new IllegalArgumentException("An hour partition starts on a whole UTC hour, not " + start);
        }
    }

    /** The hour that contains the instant. */
    public static HourPartition containing(Instant instant) {
        return new HourPartition(instant.truncatedTo(ChronoUnit.HOURS));
    }

    /** The hour that contains the epoch-millisecond instant. */
    public static HourPartition containingMillis(long epochMillis) {
        return new HourPartition(Instant.ofEpochMilli(Math.floorDiv(epochMillis, 3_600_000L) * 3_600_000L));
    }

    /**
     * Parses {@code 2026-11-20T14}, {@code 2026-11-20T14:00}, {@code 2026-11-20T14:00:00Z} or a partition path
     * ending in {@code year=2026/month=11/day=20/hour=14}.
     */
    public static HourPartition parse(String text) {
        String value = text.trim();
        Optional<HourPartition> fromPath = fromPath(value);
        if (fromPath.isPresent()) {
            return fromPath.get();
        }
        try {
            if (value.endsWith("Z")) {
                return containingExactly(Instant.parse(value), text);
            }
            String local = value.length() == 13 ? value + ":00" : value;
            return containingExactly(LocalDateTime.parse(local).toInstant(ZoneOffset.UTC), text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an hour: use 2026-11-20T14 (UTC), "
                    + "2026-11-20T14:00:00Z or year=2026/month=11/day=20/hour=14");
        }
    }

    private static HourPartition containingExactly(Instant instant, String text) {
        if (!instant.truncatedTo(ChronoUnit.HOURS).equals(instant)) {
            throw new IllegalArgumentException("'" + text + "' is not the start of an hour");
        }
        return new HourPartition(instant);
    }

    /** The hour a partition path names, if it names one. */
    public static Optional<HourPartition> fromPath(String path) {
        return io.ticklake.lake.RawLayout.parseHour(path).map(HourPartition::new);
    }

    /** The first instant after this hour. */
    public Instant end() {
        return start.plus(1, ChronoUnit.HOURS);
    }

    /** {@code year=YYYY/month=MM/day=DD/hour=HH}, zero-padded, without slashes at either end. */
    public String relativePath() {
        return io.ticklake.lake.RawLayout.partitionPath(start);
    }

    @Override
    public int compareTo(HourPartition other) {
        return start.compareTo(other.start);
    }

    @Override
    public String toString() {
        return start.toString();
    }
}
