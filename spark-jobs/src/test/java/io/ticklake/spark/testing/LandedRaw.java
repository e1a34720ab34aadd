package io.ticklake.spark.testing;

import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.lake.LakeLayout;
import io.ticklake.spark.parquet.RawTickSchema;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Everything landed in a lake's raw table, read file by file, checking on the way that each file has the
 * contract's schema and sits in the hour partition of every one of its rows.
 */
public final class LandedRaw {

    private LandedRaw() {
    }

    public static List<Tick> readChecked(String lake, Configuration conf) throws IOException {
        String table = LakeLayout.of(lake).rawTable();
        Path root = new Path(table);
        FileSystem fs = root.getFileSystem(conf);
        List<Tick> rows = new ArrayList<>();
        if (!fs.exists(root)) {
            return rows;
        }
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
        while (files.hasNext()) {
            LocatedFileStatus file = files.next();
            String name = file.getPath().getName();
            if (name.startsWith(".") || name.startsWith("_")) {
                continue;
            }
            URI uri = file.getPath().toUri();
            String schemaProblem = RawTickSchema.mismatch(ParquetRows.footer(uri, conf).getFileMetaData().getSchema());
            if (schemaProblem != null) {
                throw new AssertionError(uri + ": " + schemaProblem);
            }
            HourPartition hour = HourPartition.fromPath(file.getPath().getParent().toString())
                    .orElseThrow(() -> new AssertionError(uri + " is not in an hour partition"));
            for (Tick tick : ParquetRows.read(uri, conf)) {
                if (!HourPartition.containing(tick.eventTime()).equals(hour)) {
                    throw new AssertionError(uri + " holds a tick of " + tick.eventTime() + " outside hour " + hour);
                }
                rows.add(tick);
            }
        }
        return rows;
    }
}
