package io.ticklake.spark.lake;

/**
 * One data file of a compacted hour, as the manifest lists it.
 *
 * @param path  relative to the hour directory, e.g. {@code _v000003/part-00000.parquet}
 * @param rows  rows in the file
 * @param bytes size of the file
 */
public record ManifestFile(String path, long rows, long bytes) {

    public ManifestFile {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("..")) {
            throw new IllegalArgumentException("A manifest file path is relative to the hour directory: '" + path + "'");
        }
    }
}
