package io.ticklake.analytics.duckdb;

import io.ticklake.analytics.AnalyticsException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One in-memory DuckDB connection for one run, set to UTC so that every timestamp, date and time bucket
 * the models compute is a UTC one whatever the machine's time zone.
 */
public final class DuckDbSession implements AutoCloseable {

    private final Connection connection;

    private DuckDbSession(Connection connection) {
        this.connection = connection;
    }

    public static DuckDbSession open(DuckDbSettings settings) {
        try {
            Connection connection = DriverManager.getConnection("jdbc:duckdb:");
            DuckDbSession session = new DuckDbSession(connection);
            session.execute("SET TimeZone = 'UTC'");
            // every model orders its output explicitly, so DuckDB may stream and parallelise freely
            session.execute("SET preserve_insertion_order = false");
            session.execute("SET temp_directory = " + SqlLiterals.string(settings.tempDirectory().toString()));
            session.execute("SET extension_directory = "
                    + SqlLiterals.string(settings.extensionDirectory().toString()));
            // offline machines must not stall on a download: httpfs is loaded explicitly when needed
            session.execute("SET autoinstall_known_extensions = false");
            if (settings.threads().isPresent()) {
                session.execute("SET threads = " + settings.threads().get());
            }
            if (settings.memoryLimit().isPresent()) {
                session.execute("SET memory_limit = " + SqlLiterals.string(settings.memoryLimit().get()));
            }
            return session;
        } catch (SQLException e) {
            throw new AnalyticsException("cannot start DuckDB: " + e.getMessage(), e);
        }
    }

    /** Runs one statement (or a script of statements separated by semicolons). */
    public void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of the first row as a long (0 when there is no row or it is null). */
    public long queryLong(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }

    /** The first column of every row as text. */
    public List<String> queryStrings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Up to {@code limit} rows as column-ordered maps; lists come back as Java lists. */
    public List<Map<String, Object>> queryRows(String sql, int limit) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rows.size() < limit && rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof Array array) {
                        // Arrays.asList keeps NULL elements, which List.of refuses
                        value = Arrays.asList((Object[]) array.getArray());
                    }
                    row.put(meta.getColumnLabel(i), value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    public Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new AnalyticsException("cannot close DuckDB: " + e.getMessage(), e);
        }
    }
}
