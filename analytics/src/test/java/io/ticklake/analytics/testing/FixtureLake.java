package io.ticklake.analytics.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes compacted hours the way the compaction job publishes them: data files under
 * {@code hour=HH/_v<version>/part-NNNNN.parquet} with the lake contract's columns, sorted by
 * (symbol, event_time), and then the hour's {@code _manifest.json}. Works on a local directory or, with
 * httpfs and a secret set up on the connection, on {@code s3://}.
 *
 * <p>DuckDB cannot write Parquet TIMESTAMP(MILLIS, isAdjustedToUTC=true); event_time and ingest_time are
 * written as TIMESTAMPTZ (TIMESTAMP(MICROS, isAdjustedToUTC=true)) with millisecond values, which DuckDB
 * reads back as the same TIMESTAMPTZ type the contract's columns read as.
 */
public final class FixtureLake implements AutoCloseable {

    private final String root;
    private final Connection connection;

    /** A fixture writing below {@code root} (a local directory or an s3:// prefix). */
    public FixtureLake(String root) {
        this(root, openConnection());
    }

    /** A fixture using a connection already set up for the root (e.g. with an S3 secret). */
    public FixtureLake(String root, Connection connection) {
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.connection = connection;
    }

    private static Connection openConnection() {
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = c.createStatement()) {
                s.execute("SET TimeZone = 'UTC'");
            }
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String root() {
        return root;
    }

    public String uri() {
        return root.startsWith("s3://") ? root : "file://" + root;
    }

    /** Publishes every hour the ticks fall in, as version 1, split into {@code filesPerHour} files. */
    public FixtureLake publish(Collection<Tick> ticks) {
        return publish(ticks, 1, 1);
    }

    public FixtureLake publish(Collection<Tick> ticks, long version, int filesPerHour) {
        Map<Instant, List<Tick>> byHour = new TreeMap<>(ticks.stream().collect(Collectors.groupingBy(
                t -> t.eventTime().truncatedTo(java.time.temporal.ChronoUnit.HOURS))));
        byHour.forEach((hour, hourTicks) -> publishHour(hour, hourTicks, version, filesPerHour));
        return this;
    }

    /** Publishes one hour (possibly empty) as the given version. */
    public FixtureLake publishHour(Instant hour, List<Tick> ticks, long version, int filesPerHour) {
        try {
            String hourDir = hourDirectory(hour);
            String versionDir = String.format("_v%06d", version);
            if (!root.startsWith("s3://")) {
                new java.io.File(hourDir, versionDir).mkdirs();
            }
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE OR REPLACE TEMP TABLE fixture_ticks (symbol VARCHAR, price DOUBLE, volume BIGINT,"
                        + " bid DOUBLE, ask DOUBLE, event_time TIMESTAMPTZ, sequence BIGINT, source VARCHAR,"
                        + " kafka_topic VARCHAR, kafka_partition INTEGER, kafka_offset BIGINT, ingest_time TIMESTAMPTZ,"
                        + " file_no INTEGER)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fixture_ticks VALUES (?, ?, ?, ?, ?,"
                    + " make_timestamptz(?::BIGINT * 1000), ?, 'SIMULATOR', 'stock-ticks', ?, ?,"
                    + " make_timestamptz(?::BIGINT * 1000), ?)")) {
                int i = 0;
                for (Tick t : ticks) {
                    insert.setString(1, t.symbol());
                    insert.setDouble(2, t.price());
                    insert.setLong(3, t.volume());
                    insert.setDouble(4, t.price() - 0.01);
                    insert.setDouble(5, t.price() + 0.01);
                    insert.setLong(6, t.eventTime().toEpochMilli());
                    insert.setLong(7, t.offset());
                    insert.setInt(8, t.partition());
                    insert.setLong(9, t.offset());
                    insert.setLong(10, t.eventTime().toEpochMilli() + 5);
                    insert.setInt(11, i++ % filesPerHour);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            StringBuilder files = new StringBuilder();
            for (int f = 0; f < filesPerHour; f++) {
                String rel = String.format("%s/part-%05d.parquet", versionDir, f);
                long rows;
                try (Statement s = connection.createStatement()) {
                    s.execute("COPY (SELECT * EXCLUDE (file_no) FROM fixture_ticks WHERE file_no = " + f
                            + " ORDER BY symbol, event_time) TO '" + hourDir + "/" + rel
                            + "' (FORMAT parquet, COMPRESSION snappy)");
                    var rs = s.executeQuery("SELECT count(*) FROM fixture_ticks WHERE file_no = " + f);
                    rs.next();
                    rows = rs.getLong(1);
                }
                if (files.length() > 0) {
                    files.append(", ");
                }
                files.append("{'path': '").append(rel).append("', 'rows': ").append(rows)
                        .append("::BIGINT, 'bytes': 0::BIGINT}");
            }
            try (Statement s = connection.createStatement()) {
                s.execute("COPY (SELECT 1 AS format_version, 'stock_ticks' AS \"table\", '" + hour
                        + "' AS hour_start, " + version + " AS version, '" + Instant.now() + "' AS created_at,"
                        + " 'fixture' AS source_fingerprint, " + ticks.size() + "::BIGINT AS row_count, ["
                        + files + "] AS files) TO '" + hourDir + "/_manifest.json' (FORMAT json)");
            }
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write fixture hour " + hour + ": " + e.getMessage(), e);
        }
    }

    /** The directory of a compacted hour. */
    public String hourDirectory(Instant hour) {
        LocalDateTime t = LocalDateTime.ofInstant(hour, ZoneOffset.UTC);
        String dir = String.format("%s/compacted/stock_ticks/year=%04d/month=%02d/day=%02d/hour=%02d", root,
                t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour());
        if (!root.startsWith("s3://")) {
            new java.io.File(dir).mkdirs();
        }
        return dir;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
