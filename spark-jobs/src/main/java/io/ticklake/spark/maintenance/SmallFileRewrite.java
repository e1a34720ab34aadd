package io.ticklake.spark.maintenance;

import io.ticklake.lake.table.TicksTable;
import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.table.TableFingerprints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.actions.RewriteDataFiles;
import org.apache.iceberg.actions.SizeBasedFileRewritePlanner;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.iceberg.util.SnapshotUtil;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites the hours that hold more than {@code small-file-threshold} small data files (under 3/4 of the
 * target size: files rolled at the target are never small, so a rewritten hour is left alone by the next
 * run) with Iceberg's {@code rewriteDataFiles} action, sorted by the table's sort order, in one commit.
 *
 * <p>The commit repeats every raw fingerprint of the current ancestry in its summary: it becomes the current
 * snapshot, the one compaction carries fingerprints forward from. Should a compaction commit land while the
 * rewrite runs, the rewrite's copy of that compaction's hours would be the older value; a carrying commit then
 * restores the newer one, so compaction never redoes an unchanged hour.
 */
final class SmallFileRewrite {

    private static final Logger LOG = LoggerFactory.getLogger(SmallFileRewrite.class);

    record Outcome(List<HourPartition> hours, long filesIn, long bytesIn, long filesOut, boolean conflict,
                   List<Long> snapshots, int carried) {

        static Outcome none() {
            return new Outcome(List.of(), 0, 0, 0, false, List.of(), 0);
        }
    }

    private final SparkSession spark;
    private final Table table;
    private final long targetFileSize;
    private final long threshold;

    SmallFileRewrite(SparkSession spark, Table table, long targetFileSize, long threshold) {
        this.spark = spark;
        this.table = table;
        this.targetFileSize = targetFileSize;
        this.threshold = threshold;
    }

    Outcome run() {
        table.refresh();
        Snapshot base = table.currentSnapshot();
        if (base == null) {
            return Outcome.none();
        }
        List<HourPartition> hours = hoursWithSmallFiles(table, MaintenanceOptions.smallFileLimit(targetFileSize),
                threshold);
        if (hours.isEmpty()) {
            LOG.info("No hour of {} holds more than {} small files", table.name(), threshold);
            return Outcome.none();
        }
        LOG.info("Rewriting {} hour(s) with more than {} small files: {}", hours.size(), threshold, hours);
        Map<String, String> fingerprints = TableFingerprints.reachable(table);
        RewriteDataFiles rewrite = SparkActions.get(spark).rewriteDataFiles(table)
                .sort()
                .filter(filter(hours))
                .option(RewriteDataFiles.TARGET_FILE_SIZE_BYTES, Long.toString(targetFileSize))
                .option(SizeBasedFileRewritePlanner.MIN_FILE_SIZE_BYTES,
                        Long.toString(MaintenanceOptions.smallFileLimit(targetFileSize)))
                .option(SizeBasedFileRewritePlanner.MIN_INPUT_FILES, Long.toString(threshold + 1))
                // all hours switch in one commit, like a compaction batch
                .option(RewriteDataFiles.PARTIAL_PROGRESS_ENABLED, "false")
                .snapshotProperty(Maintenance.JOB_KEY, Maintenance.JOB)
                .snapshotProperty(Maintenance.HOURS_KEY, Integer.toString(hours.size()));
        for (Map.Entry<String, String> fingerprint : fingerprints.entrySet()) {
            rewrite = rewrite.snapshotProperty(fingerprint.getKey(), fingerprint.getValue());
        }
        RewriteDataFiles.Result result;
        try {
            result = rewrite.execute();
        } catch (RuntimeException e) {
            if (isConflict(e)) {
                LOG.warn("The rewrite of {} conflicted with a concurrent commit; the hours are left for the next run: {}",
                        hours, e.getMessage());
                return new Outcome(List.of(), 0, 0, 0, true, List.of(), 0);
            }
            throw e;
        }
        if (result.rewrittenDataFilesCount() == 0) {
            return Outcome.none();
        }
        TreeSet<HourPartition> rewritten = new TreeSet<>();
        result.rewriteResults().forEach(group ->
                rewritten.add(new HourPartition(TicksTable.hourOf(group.info().partition()))));
        table.refresh();
        List<Long> snapshots = new ArrayList<>();
        int carried = fingerprints.size();
        Optional<Snapshot> committed = rewriteSnapshot(base);
        committed.ifPresent(s -> snapshots.add(s.snapshotId()));
        if (committed.isPresent() && compactedMeanwhile(committed.get(), base)) {
            long stale = committed.get().snapshotId();
            LOG.info("A compaction committed while the rewrite ran: carrying its fingerprints past the rewrite's");
            FingerprintCarrier.Carried fixed = FingerprintCarrier.commit(table,
                    t -> TableFingerprints.reachable(t, s -> s.snapshotId() == stale, s -> false));
            snapshots.add(fixed.snapshotId());
            carried = fixed.fingerprints();
        }
        LOG.info("Rewrote {} hour(s) of {}: {} data files ({} bytes) -> {}", rewritten.size(), table.name(),
                result.rewrittenDataFilesCount(), result.rewrittenBytesCount(), result.addedDataFilesCount());
        return new Outcome(List.copyOf(rewritten), result.rewrittenDataFilesCount(), result.rewrittenBytesCount(),
                result.addedDataFilesCount(), false, snapshots, carried);
    }

    /** Hours of the current snapshot holding more than {@code threshold} files smaller than {@code limit}. */
    static List<HourPartition> hoursWithSmallFiles(Table table, long limit, long threshold) {
        Map<HourPartition, Integer> small = new TreeMap<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().ignoreResiduals().planFiles()) {
            for (FileScanTask task : tasks) {
                if (task.file().fileSizeInBytes() < limit) {
                    small.merge(new HourPartition(TicksTable.hourOf(task.file().partition())), 1, Integer::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return small.entrySet().stream().filter(e -> e.getValue() > threshold).map(Map.Entry::getKey).toList();
    }

    private static Expression filter(List<HourPartition> hours) {
        Expression filter = Expressions.alwaysFalse();
        for (HourPartition hour : hours) {
            filter = Expressions.or(filter, TicksTable.hourFilter(hour.start()));
        }
        return filter;
    }

    /** The rewrite's snapshot: the replace this job committed after {@code base}. */
    private Optional<Snapshot> rewriteSnapshot(Snapshot base) {
        for (Snapshot s : SnapshotUtil.ancestorsOf(table.currentSnapshot().snapshotId(), table::snapshot)) {
            if (s.snapshotId() == base.snapshotId()) {
                break;
            }
            if (DataOperations.REPLACE.equals(s.operation()) && Maintenance.JOB.equals(s.summary().get(Maintenance.JOB_KEY))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Whether a snapshot between {@code base} and the rewrite's recorded fingerprints of its own. */
    private boolean compactedMeanwhile(Snapshot rewrite, Snapshot base) {
        for (Snapshot s : SnapshotUtil.ancestorsOf(rewrite.snapshotId(), table::snapshot)) {
            if (s.snapshotId() == base.snapshotId()) {
                return false;
            }
            if (s.snapshotId() != rewrite.snapshotId()
                    && s.summary().keySet().stream().anyMatch(k -> k.startsWith(TicksTable.FINGERPRINT_PREFIX))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ValidationException || t instanceof CommitFailedException) {
                return true;
            }
        }
        return false;
    }
}
