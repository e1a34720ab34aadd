package io.ticklake.analytics.lake;

import io.ticklake.analytics.time.TimeRange;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What a run reads of {@code ticklake.ticks}: the hours of one snapshot, as its scan planning found them.
 * Every model of the run reads this one snapshot, so a commit landing during the run is not half seen.
 *
 * @param snapshotId the snapshot planned; empty when the table does not exist or has no snapshot yet
 * @param hours      the hours with data files, oldest first
 */
public record TableSnapshot(OptionalLong snapshotId, NavigableMap<Instant, TableHour> hours) {

    public TableSnapshot {
        hours = Collections.unmodifiableNavigableMap(new TreeMap<>(hours));
    }

    /** No table, or a table without data: models see no ticks. */
    public static TableSnapshot empty() {
        return new TableSnapshot(OptionalLong.empty(), new TreeMap<>());
    }

    public boolean isEmpty() {
        return hours.isEmpty();
    }

    /** The hours starting in {@code range}. */
    public NavigableMap<Instant, TableHour> hoursIn(TimeRange range) {
        return hours.subMap(range.start(), true, range.end(), false);
    }

    /** Each hour's data identity ({@link TableHour#identity}). */
    public Map<Instant, String> identities() {
        Map<Instant, String> identities = new LinkedHashMap<>();
        hours.forEach((hour, data) -> identities.put(hour, data.identity()));
        return identities;
    }

    @Override
    public String toString() {
        return snapshotId.isPresent() ? "snapshot " + snapshotId.getAsLong() + " (" + hours.size() + " hours)"
                : "no snapshot";
    }
}
