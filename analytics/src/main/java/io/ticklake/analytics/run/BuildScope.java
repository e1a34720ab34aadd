package io.ticklake.analytics.run;

import io.ticklake.analytics.time.Grain;
import io.ticklake.analytics.time.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run rebuilds: everything, or the outputs that depend on a range of compacted hours (one hour
 * after its compaction, a day, or the hours a backfill touched).
 */
public final class BuildScope {

    private final TimeRange hours;

    private BuildScope(TimeRange hours) {
        this.hours = hours;
    }

    /** Every published hour; every model partition is rewritten whole. */
    public static BuildScope full() {
        return new BuildScope(null);
    }

    public static BuildScope hour(Instant hourStart) {
        return hours(hourStart, hourStart.plus(Duration.ofHours(1)));
    }

    public static BuildScope day(LocalDate day) {
        TimeRange range = TimeRange.day(day);
        return hours(range.start(), range.end());
    }

    /** The hours {@code [from, to)}; both must lie on hour boundaries. */
    public static BuildScope hours(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!Grain.HOUR.floor(from).equals(from) || !Grain.HOUR.floor(to).equals(to)) {
            throw new IllegalArgumentException("a build range must start and end on hour boundaries: " + from + ".." + to);
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a build range must end after it starts: " + from + ".." + to);
        }
        return new BuildScope(new TimeRange(from, to));
    }

    public boolean isFull() {
        return hours == null;
    }

    /**
     * The compacted hours whose data the run (re)reads. A full build covers the published hours widened
     * to whole days, so every partition it writes is rewritten whole; empty when nothing is published.
     */
    public Optional<TimeRange> changedRange(NavigableSet<Instant> publishedHours) {
        if (hours != null) {
            return Optional.of(hours);
        }
        if (publishedHours.isEmpty()) {
            return Optional.empty();
        }
        TimeRange published = new TimeRange(publishedHours.first(), publishedHours.last().plus(Duration.ofHours(1)));
        return Optional.of(published.alignTo(Grain.DAY));
    }

    @Override
    public String toString() {
        return hours == null ? "full" : "hours " + hours;
    }
}
