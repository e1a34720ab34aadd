package io.ticklake.spark.maintenance;

import io.ticklake.spark.table.TableFingerprints;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.actions.ExpireSnapshots;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.iceberg.util.SnapshotUtil;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires old snapshots with Iceberg's Spark action, which deletes the files no remaining snapshot uses.
 *
 * <p>Age is measured from when a snapshot <em>stopped being current</em>, not from its commit: a snapshot
 * committed two days ago and replaced a second ago is what readers planned on until a second ago, and its
 * files must stay. So the cut is at the snapshot that was current at {@code now - expire-older-than}: it and
 * everything newer are kept, everything older has been superseded for at least that long.
 *
 * <p>Compaction finds each hour's raw fingerprint in the newest snapshot of the ancestry that names it. When
 * the snapshots to be expired hold the only copy of some hour's fingerprint, a fingerprint-carrying commit
 * ({@link FingerprintCarrier}) goes first, so the next compaction still sees the hour as unchanged.
 */
final class SnapshotExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotExpiry.class);

    record Outcome(long expired, long dataFilesDeleted, long metadataFilesDeleted,
                   Optional<FingerprintCarrier.Carried> carried) {

        static Outcome none() {
            return new Outcome(0, 0, 0, Optional.empty());
        }
    }

    private final SparkSession spark;
    private final Table table;
    private final Duration olderThan;
    private final int retainLast;

    SnapshotExpiry(SparkSession spark, Table table, Duration olderThan, int retainLast) {
        this.spark = spark;
        this.table = table;
        this.olderThan = olderThan;
        this.retainLast = retainLast;
    }

    Outcome run(Instant now) {
        table.refresh();
        Optional<Snapshot> boundary = currentAt(table, now.minus(olderThan));
        if (boundary.isEmpty()) {
            LOG.info("No snapshot of {} was superseded more than {} ago: nothing to expire", table.name(), olderThan);
            return Outcome.none();
        }
        long expireBefore = boundary.get().timestampMillis();
        Set<Long> doomed = new HashSet<>();
        table.expireSnapshots().expireOlderThan(expireBefore).retainLast(retainLast).apply()
                .forEach(s -> doomed.add(s.snapshotId()));
        if (doomed.isEmpty()) {
            LOG.info("Nothing to expire in {}: snapshot {} was current {} ago and {} snapshot(s) are retained",
                    table.name(), boundary.get().snapshotId(), olderThan, retainLast);
            return Outcome.none();
        }
        Optional<FingerprintCarrier.Carried> carried = Optional.empty();
        Map<String, String> all = TableFingerprints.reachable(table);
        Map<String, String> kept = TableFingerprints.reachable(table, s -> false, s -> doomed.contains(s.snapshotId()));
        if (!kept.keySet().containsAll(all.keySet())) {
            LOG.info("{} raw fingerprint(s) live only in snapshots about to expire: carrying them forward",
                    all.size() - kept.size());
            carried = Optional.of(FingerprintCarrier.commit(table, TableFingerprints::reachable));
        }
        Set<Long> before = ids(table);
        ExpireSnapshots.Result result = SparkActions.get(spark).expireSnapshots(table)
                .expireOlderThan(expireBefore).retainLast(retainLast).execute();
        table.refresh();
        // by id, not by count: a concurrent commit may have added a snapshot meanwhile
        Set<Long> after = ids(table);
        long expired = before.stream().filter(id -> !after.contains(id)).count();
        LOG.info("Expired {} snapshot(s) of {} superseded before {}: {} data file(s), {} manifest(s), {} manifest "
                        + "list(s) deleted", expired, table.name(), Instant.ofEpochMilli(expireBefore),
                result.deletedDataFilesCount(), result.deletedManifestsCount(), result.deletedManifestListsCount());
        return new Outcome(expired, result.deletedDataFilesCount() + result.deletedEqualityDeleteFilesCount()
                + result.deletedPositionDeleteFilesCount(), result.deletedManifestsCount()
                + result.deletedManifestListsCount() + result.deletedStatisticsFilesCount(), carried);
    }

    /** The snapshot of the current ancestry that was current at {@code instant}, if the table had one then. */
    static Optional<Snapshot> currentAt(Table table, Instant instant) {
        Snapshot current = table.currentSnapshot();
        if (current == null) {
            return Optional.empty();
        }
        for (Snapshot snapshot : SnapshotUtil.ancestorsOf(current.snapshotId(), table::snapshot)) {
            if (snapshot.timestampMillis() <= instant.toEpochMilli()) {
                return Optional.of(snapshot);
            }
        }
        return Optional.empty();
    }

    private static Set<Long> ids(Table table) {
        Set<Long> ids = new HashSet<>();
        table.snapshots().forEach(s -> ids.add(s.snapshotId()));
        return ids;
    }
}
