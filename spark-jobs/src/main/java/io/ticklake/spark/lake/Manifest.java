package io.ticklake.spark.lake;

import java.time.Instant;
import java.util.List;

/**
 * The published state of one compacted hour: which files make it, how many rows, and which raw input
 * produced it. {@code _manifest.json} is the only entry point for readers; files not listed are not part
 * of the hour, whatever lies next to them.
 */
public record Manifest(int formatVersion, String table, Instant hourStart, long version, Instant createdAt,
                       String sourceFingerprint, long rowCount, List<ManifestFile> files) {

    public static final int FORMAT_VERSION = 1;

    public Manifest {
        files = List.copyOf(files);
        long listed = files.stream().mapToLong(ManifestFile::rows).sum();
        if (listed != rowCount) {
            throw new IllegalArgumentException("Manifest of " + hourStart + " version " + version + " says row_count "
                    + rowCount + " but its files hold " + listed + " rows");
        }
    }

    public HourPartition hour() {
        return new HourPartition(hourStart);
    }

    public long totalBytes() {
        return files.stream().mapToLong(ManifestFile::bytes).sum();
    }
}
