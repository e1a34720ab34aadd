package io.ticklake.spark.compaction;

import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.lake.Manifest;
import io.ticklake.spark.parquet.RawFileInspector.Inspection;
import java.util.List;
import java.util.Optional;

/**
 * What one hour's compaction will do, decided before anything is written.
 *
 * @param dataFiles    raw files that hold data in the contract's schema
 * @param badFiles     files that do not (reported; the run fails or skips them by option)
 * @param listedFiles  every file considered, good or bad
 * @param fingerprint  hash of the names and sizes of every listed file
 * @param current      the published manifest, if any
 * @param version      the version this run writes
 */
public record CompactionPlan(HourPartition hour, HourStatus status, List<Inspection> dataFiles,
                             List<BadRawFile> badFiles, int listedFiles, long listedBytes, String fingerprint,
                             Optional<Manifest> current, long version) {

    public long dataBytes() {
        return dataFiles.stream().mapToLong(Inspection::bytes).sum();
    }

    public long dataRows() {
        return dataFiles.stream().mapToLong(Inspection::rows).sum();
    }
}
