package io.ticklake.analytics.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A half-open UTC interval {@code [start, end)}; empty when start equals end. */
public record TimeRange(Instant start, Instant end) {

    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("range end " + end + " is before its start " + start);
        }
    }

    public static TimeRange of(Instant start, Duration length) {
        return new TimeRange(start, start.plus(length));
    }

    /** The UTC day {@code [day 00:00, next day 00:00)}. */
    public static TimeRange day(LocalDate day) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return new TimeRange(start, start.plus(Duration.ofDays(1)));
    }

    public boolean isEmpty() {
        return start.equals(end);
    }

    /** Widened to the grain's boundaries on both sides. */
    public TimeRange alignTo(Grain grain) {
        return new TimeRange(grain.floor(start), grain.ceil(end));
    }

    /** The end moved later by {@code length}: outputs that look back this far see inputs of this range. */
    public TimeRange extendEnd(Duration length) {
        return new TimeRange(start, end.plus(length));
    }

    /** The start moved earlier by {@code length}: the inputs a look-back of this length needs. */
    public TimeRange extendStart(Duration length) {
        return new TimeRange(start.minus(length), end);
    }

    /** The smallest range containing both. */
    public TimeRange span(TimeRange other) {
        Instant s = start.isBefore(other.start) ? start : other.start;
        Instant e = end.isAfter(other.end) ? end : other.end;
        return new TimeRange(s, e);
    }

    /** Cut at {@code limit}; empty (at the limit) when the whole range lies after it. */
    public TimeRange clipEnd(Instant limit) {
        if (!end.isAfter(limit)) {
            return this;
        }
        Instant s = start.isAfter(limit) ? limit : start;
        return new TimeRange(s, limit);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public boolean covers(TimeRange other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** The UTC days this range touches, in order. */
    public List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        if (isEmpty()) {
            return days;
        }
        LocalDate last = LocalDate.ofInstant(end.minusNanos(1), ZoneOffset.UTC);
        for (LocalDate d = LocalDate.ofInstant(start, ZoneOffset.UTC); !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
