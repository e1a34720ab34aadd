package io.ticklake.analytics.lake;

import io.ticklake.analytics.AnalyticsException;
import io.ticklake.analytics.duckdb.DuckDbSession;
import io.ticklake.analytics.duckdb.SqlLiterals;
import io.ticklake.analytics.time.TimeRange;
import io.ticklake.lake.LakeUri;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The record, kept with the model output, of which data each hour's models were built from:
 * {@code <lake>/models/_state/built_hours.parquet}, one row per hour of {@code ticklake.ticks} with the
 * hour's data identity ({@link TableHour#identity}), file and row counts, and the snapshot read. An hour
 * whose identity in the current snapshot differs from the recorded one (or that is new, or gone) has
 * changed since the models were built.
 *
 * <p>Rows are written only after every model of a range was rebuilt and published: a run that fails half
 * way leaves the old identities, so the next run rebuilds those hours again.
 */
public final class BuiltHours {

    /** Below the lake root; the directory name cannot be a model's ({@code [a-z][a-z0-9_]*}). */
    public static final String RELATIVE_PATH = "models/_state/built_hours.parquet";

    private static final String MERGE_TABLE = "__ticklake_built_hours";

    private final DuckDbSession session;
    private final String path;
    private final PartitionWriter writer;

    public BuiltHours(DuckDbSession session, LakeUri lake) {
        this.session = session;
        this.path = lake.duckDbPath(RELATIVE_PATH);
        this.writer = PartitionWriter.forLake(lake);
    }

    public String path() {
        return path;
    }

    /** Each recorded hour's data identity; empty before the first run. */
    public NavigableMap<Instant, String> read() {
        NavigableMap<Instant, String> built = new TreeMap<>();
        try {
            if (!exists()) {
                return built;
            }
            for (Map<String, Object> row : session.queryRows("SELECT epoch_ms(hour_start) AS ms, data_identity FROM"
                    + " read_parquet(" + SqlLiterals.string(path) + ")", Integer.MAX_VALUE)) {
                built.put(Instant.ofEpochMilli(((Number) row.get("ms")).longValue()), (String) row.get("data_identity"));
            }
        } catch (SQLException e) {
            throw new AnalyticsException("cannot read the record of built hours " + path + ": " + e.getMessage(), e);
        }
        return built;
    }

    /**
     * Records that the models of {@code range} now reflect {@code snapshot} and the side tables: the hours of the
     * range get their {@code identities} (an hour without data drops out), the hours outside it keep theirs.
     */
    public void record(TimeRange range, TableSnapshot snapshot, NavigableMap<Instant, String> identities) {
        Map<Instant, String> hours = identities.subMap(range.start(), true, range.end(), false);
        String snapshotId = snapshot.snapshotId().isPresent() ? snapshot.snapshotId().getAsLong() + "::BIGINT"
                : "NULL::BIGINT";
        String fresh = hours.isEmpty()
                ? "SELECT NULL::TIMESTAMPTZ AS hour_start, NULL::VARCHAR AS data_identity, NULL::INTEGER AS data_files,"
                        + " NULL::BIGINT AS row_count, NULL::BIGINT AS snapshot_id, NULL::TIMESTAMPTZ AS built_at WHERE false"
                : "SELECT * FROM (VALUES " + hours.entrySet().stream().map(h -> {
                    TableHour table = snapshot.hours().get(h.getKey());
                    return "(" + SqlLiterals.timestamp(h.getKey()) + ", " + SqlLiterals.string(h.getValue()) + ", "
                            + (table == null ? 0 : table.files().size()) + "::INTEGER, "
                            + (table == null ? 0 : table.rowCount()) + "::BIGINT, " + snapshotId + ", current_timestamp)";
                }).collect(Collectors.joining(", "))
                        + ") AS b(hour_start, data_identity, data_files, row_count, snapshot_id, built_at)";
        try {
            String kept = exists() ? "SELECT * FROM read_parquet(" + SqlLiterals.string(path) + ") WHERE NOT (hour_start >= "
                    + SqlLiterals.timestamp(range.start()) + " AND hour_start < " + SqlLiterals.timestamp(range.end())
                    + ") UNION ALL BY NAME " : "";
            session.execute("CREATE OR REPLACE TEMP TABLE " + MERGE_TABLE + " AS " + kept + fresh);
            writer.write(session, "SELECT * FROM " + MERGE_TABLE + " ORDER BY hour_start", path);
            session.execute("DROP TABLE " + MERGE_TABLE);
        } catch (SQLException e) {
            throw new AnalyticsException("cannot write the record of built hours " + path + ": " + e.getMessage(), e);
        }
    }

    private boolean exists() throws SQLException {
        // a glob without a wildcard is not listed on S3 (DuckDB returns the path as given): list the directory
        String directory = path.substring(0, path.lastIndexOf('/'));
        return session.queryStrings("SELECT file FROM glob(" + SqlLiterals.string(directory + "/*.parquet") + ")")
                .contains(path);
    }
}
