package io.ticklake.analytics.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a run published, the way a user would: DuckDB over {@code <lake>/models/<model>/}.
 * Timestamps come back as ISO-8601 UTC text and dates as {@code YYYY-MM-DD}, so tests compare plain values.
 */
public final class ModelOutput {

    private ModelOutput() {
    }

    /** Every published row of a model, ordered by the given columns. */
    public static List<Map<String, Object>> rows(String lakeRoot, String model, String orderBy) {
        return query(lakeRoot, "SELECT * FROM read_parquet('" + lakeRoot + "/models/" + model
                + "/year=*/month=*/day=*/part-*.parquet', hive_partitioning = false) ORDER BY " + orderBy);
    }

    /** Any query, with timestamps rendered as ISO text in UTC. */
    public static List<Map<String, Object>> query(String lakeRoot, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            return query(c, sql);
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + e.getMessage() + "\n" + sql, e);
        }
    }

    /** Any query on a connection set up by the caller (e.g. for S3), timestamps as ISO text in UTC. */
    public static List<Map<String, Object>> query(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(sql)) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        if (v instanceof java.time.OffsetDateTime odt) {
                            v = odt.toInstant().toString();
                        } else if (v instanceof java.time.LocalDate d) {
                            v = d.toString();
                        } else if (v instanceof java.sql.Date d) {
                            v = d.toLocalDate().toString();
                        }
                        row.put(meta.getColumnLabel(i), v);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + e.getMessage() + "\n" + sql, e);
        }
    }
}
