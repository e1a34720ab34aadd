package io.ticklake.connect.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads raw files back with DuckDB, as an analyst would. */
public final class LakeRows {

    /** One row's identity and where it sits. */
    public record Row(String file, String hourDir, String symbol, long eventTimeMs, int partition, long offset,
                      long ingestTimeMs) {
    }

    private LakeRows() {
    }

    /** Every row of every {@code .parquet} file under {@code dir}, ordered by (partition, offset). */
    public static List<Row> read(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            if (files.noneMatch(p -> p.toString().endsWith(".parquet"))) {
                return List.of();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String glob = dir.toAbsolutePath() + "/**/*.parquet";
        String sql = "SELECT filename, symbol, epoch_ms(event_time), kafka_partition, kafka_offset, epoch_ms(ingest_time)"
                + " FROM read_parquet('" + glob + "', filename = true, hive_partitioning = false)"
                + " ORDER BY kafka_partition, kafka_offset";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<Row> rows = new ArrayList<>();
            while (rs.next()) {
                Path file = Path.of(rs.getString(1));
                String hourDir = dir.toAbsolutePath().relativize(file.getParent()).toString();
                rows.add(new Row(file.getFileName().toString(), hourDir, rs.getString(2), rs.getLong(3), rs.getInt(4),
                        rs.getLong(5), rs.getLong(6)));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB cannot read " + glob + ": " + e.getMessage(), e);
        }
    }

    /** Each column as "name DUCKDB_TYPE REPETITION" (REQUIRED/OPTIONAL), in file order. */
    public static List<String> describe(Path file) {
        String path = file.toAbsolutePath().toString();
        String sql = "SELECT d.column_name, d.column_type, s.repetition_type"
                + " FROM (DESCRIBE SELECT * FROM read_parquet('" + path + "')) d"
                + " JOIN parquet_schema('" + path + "') s ON s.name = d.column_name";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            java.util.Map<String, String> byName = new java.util.HashMap<>();
            while (rs.next()) {
                byName.put(rs.getString(1), rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
            List<String> columns = new ArrayList<>();
            for (String name : order(connection, path)) {
                columns.add(byName.get(name));
            }
            return columns;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> order(Connection connection, String path) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + path + "')")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }
}
