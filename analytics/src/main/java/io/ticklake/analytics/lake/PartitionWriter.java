package io.ticklake.analytics.lake;

import io.ticklake.analytics.duckdb.DuckDbSession;
import io.ticklake.analytics.duckdb.SqlLiterals;
import io.ticklake.lake.LakeUri;
import java.sql.SQLException;

/**
 * Publishes one partition file so that readers see either the old file or the new one, never a part of
 * it: on a local lake by writing beside the target and renaming; on S3 by one PUT (DuckDB completes the
 * upload only after the last byte).
 */
public interface PartitionWriter {

    /** Writes the rows of {@code query} as Parquet to {@code target}, replacing what was there. */
    void write(DuckDbSession session, String query, String target) throws SQLException;

    static PartitionWriter forLake(LakeUri lake) {
        return lake.isS3() ? new S3PartitionWriter() : new LocalPartitionWriter();
    }

    /** The COPY statement every writer uses, so local and S3 files are the same bytes. */
    static String copyStatement(String query, String path) {
        return "COPY (\n" + query + "\n) TO " + SqlLiterals.string(path)
                + " (FORMAT parquet, COMPRESSION snappy)";
    }
}
