package io.ticklake.spark.parquet;

import java.io.IOException;
import java.io.Serializable;
import io.ticklake.spark.storage.LakeFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Decides whether a file in a raw partition is data: a readable Parquet footer whose schema is the raw
 * contract's. Anything else (truncated upload, another table's file, a stray CSV) is reported by name
 * instead of being read as ticks.
 */
public final class RawFileInspector {

    /** What inspecting one file found. */
    public record Inspection(String uri, long bytes, long rows, String problem) implements Serializable {

        public boolean isData() {
            return problem == null;
        }
    }

    private RawFileInspector() {
    }

    /** Local files through java.nio: Hadoop's checksummed local file system costs more than the footer read. */
    private static InputFile inputFile(String uri, Configuration conf) throws IOException {
        if (LakeFiles.isLocal(uri)) {
            return new LocalInputFile(LakeFiles.localPath(uri));
        }
        return HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(uri), conf);
    }

    public static Inspection inspect(String uri, long bytes, Configuration conf) {
        String name = uri.substring(uri.lastIndexOf('/') + 1);
        if (!name.endsWith(".parquet")) {
            return new Inspection(uri, bytes, 0, "not a .parquet file");
        }
        // options from the given configuration: the defaults would load a fresh Hadoop Configuration (parsing
        // its XML resources) per file, which cost more than reading the footer
        try (ParquetFileReader reader = ParquetFileReader.open(inputFile(uri, conf),
                HadoopReadOptions.builder(conf).build())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            String mismatch = RawTickSchema.mismatch(schema);
            if (mismatch != null) {
                return new Inspection(uri, bytes, 0, "not the raw stock_ticks schema: " + mismatch);
            }
            return new Inspection(uri, bytes, reader.getRecordCount(), null);
        } catch (IOException | RuntimeException e) {
            return new Inspection(uri, bytes, 0, "unreadable Parquet (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
    }
}
