package io.ticklake.spark.compaction;

import io.ticklake.spark.lake.HourPartition;
import java.time.Duration;
import java.util.List;

/**
 * What compacting one hour did.
 *
 * @param version            the hour's current version after the run (0: never compacted)
 * @param filesIn            raw data files read (bad files excluded)
 * @param bytesIn            their bytes
 * @param rowsIn             rows in them
 * @param filesOut           files of the new version (0 unless published)
 * @param bytesOut           their bytes
 * @param rowsOut            rows in them
 * @param duplicatesDropped  rows whose Kafka coordinates had already been kept
 * @param badFiles           corrupt or foreign files found in the raw partition (skipped)
 * @param removedVersions    old versions whose grace period had passed and that were deleted
 */
public record HourCompactionResult(HourPartition hour, HourStatus status, long version, int filesIn, long bytesIn,
                                   long rowsIn, int filesOut, long bytesOut, long rowsOut, long duplicatesDropped,
                                   List<BadRawFile> badFiles, List<Long> removedVersions, Duration duration) {

    public HourCompactionResult {
        badFiles = List.copyOf(badFiles);
        removedVersions = List.copyOf(removedVersions);
    }

    @Override
    public String toString() {
        return String.format("hour %s: %s v%d, files %d -> %d, bytes %d -> %d, rows in %d, duplicates dropped %d, "
                        + "rows out %d, bad files %d, removed versions %s, %d ms", hour, status, version, filesIn,
                filesOut, bytesIn, bytesOut, rowsIn, duplicatesDropped, rowsOut, badFiles.size(), removedVersions,
                duration.toMillis());
    }
}
