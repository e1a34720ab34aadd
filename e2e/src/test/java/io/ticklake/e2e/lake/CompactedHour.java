package io.ticklake.e2e.lake;

import java.time.Instant;
import java.util.List;

/**
 * A compacted hour as a reader of {@code ticklake.ticks} sees it: the data files the current snapshot's
 * scan planning lists for the hour's partition, the row count Iceberg records for them, and their rows.
 *
 * @param hour       the hour (UTC)
 * @param snapshotId the snapshot planned
 * @param rowCount   rows Iceberg's metadata records for the files
 * @param files      the data files, as local paths
 * @param rows       the rows of those files
 */
public record CompactedHour(Instant hour, long snapshotId, long rowCount, List<String> files, List<LakeRow> rows) {
}
