package io.ticklake.spark.compaction;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.iceberg.hadoop.HadoopOutputFile;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.OutputFile;

/**
 * The output file for a new table data file. Iceberg's Parquet writer copies the configuration of a
 * {@link HadoopOutputFile}, but for any other output file it creates a {@code new Configuration()}, which
 * parses Hadoop's default resources again for every file: most of the time of writing a range of sparse
 * hours (one small file each). So files on the local file system are written as Hadoop files, with a
 * configuration that holds no defaults and names {@link PlainLocalFileSystem} for {@code file:}. Other
 * locations (S3, a REST catalog's warehouse) are written through the table's own {@link FileIO}.
 */
final class DataFileOutput {

    private static final Configuration LOCAL = local();

    private DataFileOutput() {
    }

    static OutputFile of(FileIO io, String location) {
        if (!location.startsWith("file:")) {
            return io.newOutputFile(location);
        }
        return HadoopOutputFile.fromPath(new Path(location), LOCAL);
    }

    private static Configuration local() {
        Configuration conf = new Configuration(false);
        conf.set("fs.file.impl", PlainLocalFileSystem.class.getName());
        // Hadoop's file system cache is keyed by scheme, not configuration: it would hand out the checksummed one
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return conf;
    }

    /**
     * Hadoop's local file system without its {@code .crc} side files (which would be orphans of the table)
     * and without its permission setting, which forks a {@code chmod} per file and directory where Hadoop's
     * native library is missing: files get the process's default permissions, as through the table's
     * {@code LocalFileIO}.
     */
    public static final class PlainLocalFileSystem extends RawLocalFileSystem {

        @Override
        public void setPermission(Path path, FsPermission permission) {
            // the process's default permissions
        }
    }
}
