package io.ticklake.spark.parquet;

import java.io.IOException;
import java.io.Serializable;
import io.ticklake.spark.storage.LakeFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import io.ticklake.lake.RawTickColumns;
import java.util.List;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
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

    /**
     * Reads the footer: the file must be Parquet in the raw contract's schema and, where its statistics
     * say, hold only ticks of the hour starting at {@code hourStartMillis} (its directory's hour), since a
     * row outside it would land in another hour of the table than the one the commit replaces.
     */
    public static Inspection inspect(String uri, long bytes, long hourStartMillis, Configuration conf) {
        String name = uri.substring(uri.lastIndexOf('/') + 1);
        if (!name.endsWith(".parquet")) {
            return new Inspection(uri, bytes, 0, "not a .parquet file");
        }
        try (ParquetFileReader reader = LakeFiles.openParquet(uri, conf)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            String mismatch = RawTickSchema.mismatch(schema);
            if (mismatch != null) {
                return new Inspection(uri, bytes, 0, "not the raw stock_ticks schema: " + mismatch);
            }
            String outside = outsideHour(reader.getFooter().getBlocks(), hourStartMillis);
            if (outside != null) {
                return new Inspection(uri, bytes, 0, outside);
            }
            return new Inspection(uri, bytes, reader.getRecordCount(), null);
        } catch (IOException | RuntimeException e) {
            return new Inspection(uri, bytes, 0, "unreadable Parquet (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
    }

    private static String outsideHour(List<BlockMetaData> blocks, long hourStartMillis) {
        for (BlockMetaData block : blocks) {
            for (ColumnChunkMetaData column : block.getColumns()) {
                if (!column.getPath().toDotString().equals(RawTickColumns.EVENT_TIME)) {
                    continue;
                }
                Statistics<?> stats = column.getStatistics();
                if (stats == null || stats.isEmpty() || !stats.hasNonNullValue()) {
                    continue;
                }
                long min = (Long) stats.genericGetMin();
                long max = (Long) stats.genericGetMax();
                if (min < hourStartMillis || max >= hourStartMillis + 3_600_000L) {
                    return "holds event_time " + java.time.Instant.ofEpochMilli(min) + " .. "
                            + java.time.Instant.ofEpochMilli(max) + ", outside its partition's hour "
                            + java.time.Instant.ofEpochMilli(hourStartMillis);
                }
            }
        }
        return null;
    }
}
