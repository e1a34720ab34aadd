package io.ticklake.analytics.run;

import io.ticklake.analytics.time.Grain;
import io.ticklake.analytics.time.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a run rebuilds: everything, the outputs that depend on a range of compacted hours (one hour after
 * its compaction, a day, or the hours a backfill touched), or the outputs of every hour whose data changed
 * since the models were built from it.
 */
public final class BuildScope {

    private enum Kind { FULL, HOURS, CHANGED }

    private final Kind kind;
    private final TimeRange hours;

    private BuildScope(Kind kind, TimeRange hours) {
        this.kind = kind;
        this.hours = hours;
    }

    /** Every hour of the table; every model partition is rewritten whole. */
    public static BuildScope full() {
        return new BuildScope(Kind.FULL, null);
    }

    /**
     * Every hour whose data identity in the current snapshot differs from the one recorded when the models
     * were last built for it: re-committed hours (a late tick), new hours, hours gone from the table.
     */
    public static BuildScope changed() {
        return new BuildScope(Kind.CHANGED, null);
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
        return new BuildScope(Kind.HOURS, new TimeRange(from, to));
    }

    /** The hours asked for by {@code --hour}, {@code --day} or {@code --from/--to}; empty for full and changed. */
    public Optional<TimeRange> requestedHours() {
        return kind == Kind.HOURS ? Optional.of(hours) : Optional.empty();
    }

    public boolean isChanged() {
        return kind == Kind.CHANGED;
    }

    public boolean isFull() {
        return kind == Kind.FULL;
    }

    /**
     * The ranges of compacted hours whose data the run (re)reads, oldest first; each is built in a pass of
     * its own. A full build covers the table's hours widened to whole days, so every partition it writes is
     * rewritten whole; a changed build covers each run of consecutive changed hours.
     *
     * @param current each hour's data identity in the snapshot the run reads
     * @param built   each hour's data identity when the models were last built for it
     */
    public List<TimeRange> ranges(NavigableMap<Instant, String> current, NavigableMap<Instant, String> built) {
        return switch (kind) {
            case HOURS -> List.of(hours);
            case FULL -> current.isEmpty() ? List.of() : List.of(new TimeRange(current.firstKey(),
                    current.lastKey().plus(Duration.ofHours(1))).alignTo(Grain.DAY));
            case CHANGED -> consecutive(changedHours(current, built));
        };
    }

    /** The hours whose identity differs, including hours only one side has. */
    static TreeSet<Instant> changedHours(Map<Instant, String> current, Map<Instant, String> built) {
        TreeSet<Instant> changed = new TreeSet<>();
        current.forEach((hour, identity) -> {
            if (!identity.equals(built.get(hour))) {
                changed.add(hour);
            }
        });
        built.keySet().stream().filter(hour -> !current.containsKey(hour)).forEach(changed::add);
        return changed;
    }

    private static List<TimeRange> consecutive(TreeSet<Instant> hours) {
        List<TimeRange> ranges = new ArrayList<>();
        Instant start = null;
        Instant end = null;
        for (Instant hour : hours) {
            if (start != null && !hour.equals(end)) {
                ranges.add(new TimeRange(start, end));
                start = null;
            }
            if (start == null) {
                start = hour;
            }
            end = hour.plus(Duration.ofHours(1));
        }
        if (start != null) {
            ranges.add(new TimeRange(start, end));
        }
        return ranges;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case FULL -> "full";
            case CHANGED -> "changed";
            case HOURS -> "hours " + hours;
        };
    }
}
