package io.ticklake.spark.compaction;

import io.ticklake.spark.lake.HourPartition;
import java.util.List;

/**
 * What compacting one hour did.
 *
 * @param snapshotId         the table snapshot that published the hour's new rows (0 unless PUBLISHED)
 * @param filesIn            raw data files read (bad files excluded)
 * @param bytesIn            their bytes
 * @param rowsIn             rows in them
 * @param filesOut           table data files written for the hour (0 unless PUBLISHED)
 * @param bytesOut           their bytes
 * @param rowsOut            rows in them
 * @param duplicatesDropped  rows whose Kafka coordinates, or whose (symbol, sequence) in the hour, had already been kept
 * @param badFiles           corrupt or foreign files found in the raw partition (skipped)
 */
public record HourCompactionResult(HourPartition hour, HourStatus status, long snapshotId, int filesIn, long bytesIn,
                                   long rowsIn, int filesOut, long bytesOut, long rowsOut, long duplicatesDropped,
                                   List<BadRawFile> badFiles) {

    public HourCompactionResult {
        badFiles = List.copyOf(badFiles);
    }

    static HourCompactionResult untouched(HourPlan plan) {
        return new HourCompactionResult(plan.hour(), plan.status(), 0, 0, 0, 0, 0, 0, 0, 0, List.of());
    }

    @Override
    public String toString() {
        return String.format("hour %s: %s snapshot %d, files %d -> %d, bytes %d -> %d, rows in %d, duplicates "
                        + "dropped %d, rows out %d, bad files %d", hour, status, snapshotId, filesIn, filesOut,
                bytesIn, bytesOut, rowsIn, duplicatesDropped, rowsOut, badFiles.size());
    }
}
