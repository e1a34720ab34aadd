package io.ticklake.spark.maintenance;

import java.util.Map;
import java.util.function.Function;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.expressions.Expressions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a snapshot that changes no data and only repeats raw fingerprints in its summary, so that they
 * outlive the snapshots that recorded them. Validated from the snapshot the fingerprints were read on: a
 * data commit in between (a compaction recording a newer fingerprint, a rewrite) fails the commit, and the
 * fingerprints are read again, so the carried values are never older than the table's.
 */
final class FingerprintCarrier {

    private static final Logger LOG = LoggerFactory.getLogger(FingerprintCarrier.class);
    private static final int ATTEMPTS = 3;

    /** What was committed: the snapshot and how many fingerprints it carries. */
    record Carried(long snapshotId, int fingerprints) {
    }

    private FingerprintCarrier() {
    }

    /**
     * @param fingerprints what to carry, read from the table's current state (called again after a conflict)
     */
    static Carried commit(Table table, Function<Table, Map<String, String>> fingerprints) {
        for (int attempt = 1; ; attempt++) {
            table.refresh();
            Snapshot base = table.currentSnapshot();
            Map<String, String> carried = fingerprints.apply(table);
            // no files in or out: an overwrite only for its conflict validation over the whole table
            OverwriteFiles carrier = table.newOverwrite()
                    .validateFromSnapshot(base.snapshotId())
                    .conflictDetectionFilter(Expressions.alwaysTrue())
                    .validateNoConflictingData()
                    .validateNoConflictingDeletes();
            carried.forEach(carrier::set);
            carrier.set(Maintenance.JOB_KEY, Maintenance.JOB);
            carrier.set(Maintenance.CARRIED_KEY, Integer.toString(carried.size()));
            try {
                carrier.commit();
                table.refresh();
                Snapshot committed = table.currentSnapshot();
                LOG.info("Snapshot {} carries {} raw fingerprint(s) forward", committed.snapshotId(), carried.size());
                return new Carried(committed.snapshotId(), carried.size());
            } catch (ValidationException conflict) {
                if (attempt >= ATTEMPTS) {
                    throw conflict;
                }
                LOG.warn("Carrying fingerprints conflicted with a concurrent commit (attempt {} of {}), reading them "
                        + "again: {}", attempt, ATTEMPTS, conflict.getMessage());
            }
        }
    }
}
