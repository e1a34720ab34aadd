package io.ticklake.analytics.run;

import io.ticklake.analytics.AnalyticsException;
import io.ticklake.analytics.duckdb.DuckDbSession;
import io.ticklake.analytics.duckdb.SqlLiterals;
import io.ticklake.analytics.lake.ModelPartitions;
import io.ticklake.analytics.lake.PartitionWriter;
import io.ticklake.analytics.model.ModelDefinition;
import io.ticklake.analytics.time.TimeRange;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Publishes a model's fresh rows (its table) as one Parquet file per UTC day. A day the range covers
 * whole is written from the fresh rows alone; a day it covers in part keeps the published rows outside
 * the range and replaces those inside it, so an hour's rebuild leaves the day's other hours as they were.
 * Every day in the range gets a file, an empty one if it has no rows, so stale rows never survive.
 */
final class ModelPublisher {

    private static final String MERGE_TABLE = "__ticklake_partition";

    private final DuckDbSession session;
    private final ModelPartitions partitions;
    private final PartitionWriter writer;

    ModelPublisher(DuckDbSession session, ModelPartitions partitions, PartitionWriter writer) {
        this.session = session;
        this.partitions = partitions;
        this.writer = writer;
    }

    /** Writes the model's partitions for {@code range}; returns how many files were written. */
    int publish(ModelDefinition model, TimeRange range) throws SQLException {
        Set<String> existing = new HashSet<>(session.queryStrings(
                "SELECT file FROM glob(" + SqlLiterals.string(partitions.allFiles(model.name())) + ")"));
        String table = SqlLiterals.identifier(model.name());
        String time = "CAST(" + SqlLiterals.identifier(model.timeColumn()) + " AS TIMESTAMPTZ)";
        String order = " ORDER BY " + SqlLiterals.identifiers(model.uniqueKey());
        int written = 0;
        for (LocalDate day : range.days()) {
            TimeRange dayRange = TimeRange.day(day);
            String target = partitions.dayFile(model.name(), day);
            String fresh = "SELECT * FROM " + table + " WHERE " + within(time, dayRange);
            if (!range.covers(dayRange) && existing.contains(target)) {
                try {
                    session.execute("CREATE OR REPLACE TEMP TABLE " + MERGE_TABLE + " AS SELECT * FROM read_parquet("
                            + SqlLiterals.string(target) + ", hive_partitioning = false) WHERE NOT ("
                            + within(time, range) + ") UNION ALL BY NAME " + fresh);
                } catch (SQLException e) {
                    throw new AnalyticsException("cannot merge into the published partition " + target + " of model '"
                            + model.name() + "' (" + e.getMessage() + "); if the model's columns changed, rebuild"
                            + " it with --full", e);
                }
                writer.write(session, "SELECT * FROM " + MERGE_TABLE + order, target);
                session.execute("DROP TABLE " + MERGE_TABLE);
            } else {
                writer.write(session, fresh + order, target);
            }
            written++;
        }
        return written;
    }

    private static String within(String time, TimeRange range) {
        return time + " >= " + SqlLiterals.timestamp(range.start()) + " AND " + time + " < "
                + SqlLiterals.timestamp(range.end());
    }
}
