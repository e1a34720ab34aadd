package io.ticklake.spark.compaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.iceberg.hadoop.HadoopOutputFile;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.OutputFile;

/**
 * The output file for a new table data file. Iceberg's Parquet writer copies the configuration of a
 * {@link HadoopOutputFile}, but for any other output file it creates a {@code new Configuration()}, which
 * parses Hadoop's default resources again for every file: that was most of the time of writing a range of
 * sparse hours (one small file each). So files on the local file system are written through Hadoop's raw
 * local file system (no {@code .crc} side files) with a configuration holding no defaults; other
 * locations (S3, a REST catalog's warehouse) through the table's own {@link FileIO}.
 */
final class DataFileOutput {

    private static final Configuration NO_DEFAULTS = new Configuration(false);
    private static volatile FileSystem local;

    private DataFileOutput() {
    }

    static OutputFile of(FileIO io, String location) {
        if (!location.startsWith("file:")) {
            return io.newOutputFile(location);
        }
        return HadoopOutputFile.fromPath(new Path(location), localFileSystem(), NO_DEFAULTS);
    }

    private static FileSystem localFileSystem() {
        FileSystem fs = local;
        if (fs == null) {
            synchronized (DataFileOutput.class) {
                if (local == null) {
                    RawLocalFileSystem raw = new RawLocalFileSystem();
                    try {
                        raw.initialize(URI.create("file:///"), NO_DEFAULTS);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot open the local file system", e);
                    }
                    local = raw;
                }
                fs = local;
            }
        }
        return fs;
    }
}
