package io.ticklake.spark.compaction;

import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.parquet.RawFileInspector.Inspection;
import java.util.List;
import org.apache.iceberg.DataFile;

/**
 * What one hour's compaction will do, decided before anything is written.
 *
 * @param status       PUBLISHED when the hour is to be replaced, else why not
 * @param dataFiles    raw files that hold data in the contract's schema
 * @param badFiles     files that do not (reported; the run fails or skips them by option)
 * @param listedFiles  every raw file considered, good or bad
 * @param fingerprint  hash of the names and sizes of every listed raw file
 * @param tableFiles   the hour's data files in the table's current snapshot (replaced on commit)
 */
public record HourPlan(HourPartition hour, HourStatus status, List<Inspection> dataFiles, List<BadRawFile> badFiles,
                       int listedFiles, long listedBytes, String fingerprint, List<DataFile> tableFiles) {

    public HourPlan {
        dataFiles = List.copyOf(dataFiles);
        badFiles = List.copyOf(badFiles);
        tableFiles = List.copyOf(tableFiles);
    }

    public long dataBytes() {
        return dataFiles.stream().mapToLong(Inspection::bytes).sum();
    }

    public long dataRows() {
        return dataFiles.stream().mapToLong(Inspection::rows).sum();
    }
}
