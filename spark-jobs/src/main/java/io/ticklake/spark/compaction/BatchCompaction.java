package io.ticklake.spark.compaction;

import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.table.TableFingerprints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes and commits one batch of changed hours. A commit that conflicts with another writer deletes this
 * attempt's files and starts over from the table's new state (which may show the hours already done), a
 * bounded number of times; then the job fails naming the hours and the conflict.
 */
final class BatchCompaction {

    private static final Logger LOG = LoggerFactory.getLogger(BatchCompaction.class);

    /** What the batch did: one result per hour and the snapshot committed, if any. */
    record Outcome(List<HourCompactionResult> hours, Optional<Long> snapshotId) {
    }

    private final Table table;
    private final CompactionPlanner planner;
    private final CompactionRunner runner;
    private final CompactionListener listener;
    private final boolean skipBadFiles;
    private final int commitRetries;
    private final Instant carryFrom;

    BatchCompaction(Table table, CompactionPlanner planner, CompactionRunner runner, CompactionListener listener,
                    boolean skipBadFiles, int commitRetries, Instant carryFrom) {
        this.table = table;
        this.planner = planner;
        this.runner = runner;
        this.listener = listener;
        this.skipBadFiles = skipBadFiles;
        this.commitRetries = commitRetries;
        this.carryFrom = carryFrom;
    }

    /**
     * @param plans the batch, planned on snapshot {@code base} (null: the table was empty then)
     */
    Outcome run(List<HourPlan> plans, Long base) throws Exception {
        List<HourPartition> hours = plans.stream().map(HourPlan::hour).toList();
        List<HourCompactionResult> untouched = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            List<HourPlan> changed = plans.stream().filter(p -> p.status() == HourStatus.PUBLISHED).toList();
            plans.stream().filter(p -> p.status() != HourStatus.PUBLISHED)
                    .forEach(p -> untouched.add(HourCompactionResult.untouched(p)));
            if (changed.isEmpty()) {
                return new Outcome(untouched, Optional.empty());
            }
            checkBadFiles(changed);
            listener.onStep(CompactionStep.BEFORE_WRITE, hours, attempt);
            List<DataFile> written = runner.write(changed, WriteTarget.of(table), Compaction.runId());
            listener.onStep(CompactionStep.AFTER_WRITE, hours, attempt);
            try {
                Snapshot snapshot = commit(base, changed, written);
                listener.onStep(CompactionStep.AFTER_COMMIT, hours, attempt);
                List<HourCompactionResult> results = new ArrayList<>(untouched);
                results.addAll(results(changed, written, snapshot.snapshotId()));
                return new Outcome(results, Optional.of(snapshot.snapshotId()));
            } catch (ValidationException | CommitFailedException conflict) {
                written.forEach(file -> deleteQuietly(file.location()));
                if (attempt > commitRetries) {
                    throw new CompactionConflictException(changed.stream().map(HourPlan::hour).toList(), attempt,
                            conflict);
                }
                LOG.warn("Commit of hour(s) {} conflicted with another writer (attempt {} of {}), planning again: {}",
                        hours, attempt, commitRetries + 1, conflict.getMessage());
                table.refresh();
                base = table.currentSnapshot() == null ? null : table.currentSnapshot().snapshotId();
                plans = planner.plan(changed.stream().map(HourPlan::hour).toList(), table);
            }
        }
    }

    private Snapshot commit(Long base, List<HourPlan> changed, List<DataFile> written) {
        // the newest snapshot answers for the lookback window alone: repeat its recent fingerprints
        table.refresh();
        Map<String, String> summary = new HashMap<>(TableFingerprints.carriedForward(table, carryFrom));
        summary.putAll(Compaction.summary(changed, written.stream().mapToLong(DataFile::recordCount).sum()));
        return new TableCommitter(table).commit(base, changed, written, summary);
    }

    private void checkBadFiles(List<HourPlan> changed) {
        for (HourPlan plan : changed) {
            if (!plan.badFiles().isEmpty()) {
                if (!skipBadFiles) {
                    throw new BadRawFilesException(plan.hour(), plan.badFiles());
                }
                plan.badFiles().forEach(bad -> LOG.warn("Skipping {} of hour {}: {}", bad.uri(), plan.hour(),
                        bad.reason()));
            }
        }
    }

    private static List<HourCompactionResult> results(List<HourPlan> changed, List<DataFile> written,
                                                      long snapshotId) {
        Map<HourPartition, List<DataFile>> byHour = new HashMap<>();
        for (DataFile file : written) {
            HourPartition hour = new HourPartition(io.ticklake.lake.table.TicksTable.hourOf(file.partition()));
            byHour.computeIfAbsent(hour, h -> new ArrayList<>()).add(file);
        }
        List<HourCompactionResult> results = new ArrayList<>();
        for (HourPlan plan : changed) {
            List<DataFile> files = byHour.getOrDefault(plan.hour(), List.of());
            long rowsOut = files.stream().mapToLong(DataFile::recordCount).sum();
            long bytesOut = files.stream().mapToLong(DataFile::fileSizeInBytes).sum();
            results.add(new HourCompactionResult(plan.hour(), HourStatus.PUBLISHED, snapshotId,
                    plan.dataFiles().size(), plan.dataBytes(), plan.dataRows(), files.size(), bytesOut, rowsOut,
                    plan.dataRows() - rowsOut, plan.badFiles()));
        }
        return results;
    }

    private void deleteQuietly(String location) {
        try {
            table.io().deleteFile(location);
        } catch (RuntimeException e) {
            LOG.warn("Could not delete {} of a conflicted attempt (orphan removal will): {}", location, e.toString());
        }
    }
}
