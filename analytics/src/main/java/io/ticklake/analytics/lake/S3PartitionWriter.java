package io.ticklake.analytics.lake;

import io.ticklake.analytics.duckdb.DuckDbSession;
import java.sql.SQLException;

/** Writes the object in place: an S3 PUT (or multipart upload) becomes visible only when complete. */
final class S3PartitionWriter implements PartitionWriter {

    @Override
    public void write(DuckDbSession session, String query, String target) throws SQLException {
        session.execute(PartitionWriter.copyStatement(query, target));
    }
}
