package io.ticklake.spark.table;

import io.ticklake.lake.table.TicksTable;
import io.ticklake.spark.lake.HourPartition;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * Which raw input the table last took for each hour, read from the snapshot summaries
 * ({@code ticklake.raw-fingerprint.<hour>}): the newest snapshot in the current ancestry naming an hour
 * wins. Each compaction commit also carries forward the current snapshot's fingerprints of recent hours
 * (see {@link #carriedForward}), so expiring old snapshots does not make unchanged hours look new.
 */
public final class TableFingerprints {

    private final Map<HourPartition, String> byHour;

    private TableFingerprints(Map<HourPartition, String> byHour) {
        this.byHour = byHour;
    }

    /** The fingerprints of {@code hours} as of the table's current snapshot. */
    public static TableFingerprints of(Table table, Collection<HourPartition> hours) {
        Map<HourPartition, String> found = new HashMap<>();
        Set<HourPartition> missing = new HashSet<>(hours);
        Snapshot current = table.currentSnapshot();
        if (current == null) {
            return new TableFingerprints(found);
        }
        for (Snapshot snapshot : SnapshotUtil.ancestorsOf(current.snapshotId(), table::snapshot)) {
            if (missing.isEmpty()) {
                break;
            }
            Map<String, String> summary = snapshot.summary();
            for (var it = missing.iterator(); it.hasNext(); ) {
                HourPartition hour = it.next();
                String fingerprint = summary.get(key(hour));
                if (fingerprint != null) {
                    found.put(hour, fingerprint);
                    it.remove();
                }
            }
        }
        return new TableFingerprints(found);
    }

    public Optional<String> of(HourPartition hour) {
        return Optional.ofNullable(byHour.get(hour));
    }

    /** The summary key of an hour's fingerprint. */
    public static String key(HourPartition hour) {
        return TicksTable.FINGERPRINT_PREFIX + hour;
    }

    /**
     * Every fingerprint the current ancestry answers with, by summary key: for each hour named anywhere in it,
     * the newest naming snapshot's value (what {@link #of} finds). What a maintenance commit repeats so that
     * expiring old snapshots loses none.
     *
     * @param ignore snapshots whose summaries do not count (one known to carry stale values)
     * @param until  the walk ends before the first such snapshot (e.g. the first one an expiry removes: the
     *               ancestry ends there afterwards)
     */
    public static Map<String, String> reachable(Table table, Predicate<Snapshot> ignore, Predicate<Snapshot> until) {
        Map<String, String> found = new TreeMap<>();
        Snapshot current = table.currentSnapshot();
        if (current == null) {
            return found;
        }
        for (Snapshot snapshot : SnapshotUtil.ancestorsOf(current.snapshotId(), table::snapshot)) {
            if (until.test(snapshot)) {
                break;
            }
            if (!ignore.test(snapshot)) {
                snapshot.summary().forEach((key, value) -> {
                    if (key.startsWith(TicksTable.FINGERPRINT_PREFIX)) {
                        found.putIfAbsent(key, value);
                    }
                });
            }
        }
        return found;
    }

    /** {@link #reachable(Table, Predicate, Predicate)} over the whole current ancestry. */
    public static Map<String, String> reachable(Table table) {
        return reachable(table, s -> false, s -> false);
    }

    /**
     * The current snapshot's fingerprints of hours starting at or after {@code since}: what a new commit
     * repeats in its own summary, so that the newest snapshot alone answers for the lookback window.
     */
    public static Map<String, String> carriedForward(Table table, Instant since) {
        Map<String, String> carried = new HashMap<>();
        Snapshot current = table.currentSnapshot();
        if (current == null) {
            return carried;
        }
        current.summary().forEach((key, value) -> {
            if (key.startsWith(TicksTable.FINGERPRINT_PREFIX)) {
                Instant hour = Instant.parse(key.substring(TicksTable.FINGERPRINT_PREFIX.length()));
                if (!hour.isBefore(since)) {
                    carried.put(key, value);
                }
            }
        });
        return carried;
    }
}
