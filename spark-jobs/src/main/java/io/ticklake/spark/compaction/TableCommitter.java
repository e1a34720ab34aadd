package io.ticklake.spark.compaction;

import io.ticklake.lake.table.TicksTable;
import io.ticklake.spark.table.TableFingerprints;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;

/**
 * The only step that makes compaction output visible: one Iceberg overwrite that deletes the changed
 * hours' current files and adds the new ones, so each hour switches atomically and readers see the old or
 * the new hour, never a mix. Validated from the snapshot the plan was made on with a conflict filter over
 * the changed hours: a concurrent commit touching one of them (another compaction, a zombie retry) makes
 * this one fail with Iceberg's {@code ValidationException} instead of mixing results.
 */
final class TableCommitter {

    private final Table table;

    TableCommitter(Table table) {
        this.table = table;
    }

    /**
     * Commits and returns the new snapshot.
     *
     * @param baseSnapshotId the snapshot the plans were made on (null: the table was empty)
     * @param summary        the job's facts for the snapshot summary (fingerprints, counts)
     */
    Snapshot commit(Long baseSnapshotId, List<HourPlan> changed, List<DataFile> written, Map<String, String> summary) {
        Expression hours = Expressions.alwaysFalse();
        for (HourPlan plan : changed) {
            hours = Expressions.or(hours, TicksTable.hourFilter(plan.hour().start()));
        }
        OverwriteFiles overwrite = table.newOverwrite()
                .conflictDetectionFilter(hours)
                .validateNoConflictingData()
                .validateNoConflictingDeletes();
        if (baseSnapshotId != null) {
            overwrite.validateFromSnapshot(baseSnapshotId);
        }
        changed.forEach(plan -> plan.tableFiles().forEach(overwrite::deleteFile));
        written.forEach(overwrite::addFile);
        summary.forEach(overwrite::set);
        changed.forEach(plan -> overwrite.set(TableFingerprints.key(plan.hour()), plan.fingerprint()));
        overwrite.commit();
        table.refresh();
        return table.currentSnapshot();
    }
}
