package io.ticklake.dashboard.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A local lake with compacted hours as the compaction job publishes them (lake contract: data under
 * {@code hour=HH/_v000001/part-00000.parquet}, then {@code _manifest.json}), for the analytics runner to
 * build its models from. Timestamps are written as TIMESTAMPTZ with millisecond values: DuckDB cannot
 * write TIMESTAMP(MILLIS) and reads both as the same type.
 */
public final class CompactedLake {

    /** One tick of the lake, with its Kafka coordinates (its identity). */
    public record Tick(String symbol, double price, long volume, Instant eventTime, int partition, long offset) {
    }

    private final Path root;

    public CompactedLake(Path root) {
        this.root = root;
    }

    public String uri() {
        return root.toUri().toString();
    }

    /** Publishes every hour the ticks fall in, as version 1. */
    public CompactedLake publish(List<Tick> ticks) throws Exception {
        Map<Instant, List<Tick>> byHour = ticks.stream().collect(Collectors.groupingBy(
                tick -> tick.eventTime().truncatedTo(ChronoUnit.HOURS), TreeMap::new, Collectors.toList()));
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Map.Entry<Instant, List<Tick>> hour : byHour.entrySet()) {
                publishHour(duckdb, hour.getKey(), hour.getValue());
            }
        }
        return this;
    }

    private void publishHour(Connection duckdb, Instant hour, List<Tick> ticks) throws Exception {
        LocalDateTime t = LocalDateTime.ofInstant(hour, ZoneOffset.UTC);
        Path hourDir = root.resolve(String.format("compacted/stock_ticks/year=%04d/month=%02d/day=%02d/hour=%02d",
                t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour()));
        Files.createDirectories(hourDir.resolve("_v000001"));
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("CREATE OR REPLACE TEMP TABLE ticks (symbol VARCHAR, price DOUBLE, volume BIGINT,"
                    + " bid DOUBLE, ask DOUBLE, event_time TIMESTAMPTZ, sequence BIGINT, source VARCHAR,"
                    + " kafka_topic VARCHAR, kafka_partition INTEGER, kafka_offset BIGINT, ingest_time TIMESTAMPTZ)");
        }
        try (PreparedStatement insert = duckdb.prepareStatement("INSERT INTO ticks VALUES (?, ?, ?, NULL, NULL,"
                + " make_timestamptz(?::BIGINT * 1000), ?, 'TEST', 'stock-ticks', ?, ?,"
                + " make_timestamptz(?::BIGINT * 1000))")) {
            for (Tick tick : ticks) {
                insert.setString(1, tick.symbol());
                insert.setDouble(2, tick.price());
                insert.setLong(3, tick.volume());
                insert.setLong(4, tick.eventTime().toEpochMilli());
                insert.setLong(5, tick.offset());
                insert.setInt(6, tick.partition());
                insert.setLong(7, tick.offset());
                insert.setLong(8, tick.eventTime().toEpochMilli() + 5);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT * FROM ticks ORDER BY symbol, event_time) TO '"
                    + hourDir.resolve("_v000001/part-00000.parquet") + "' (FORMAT parquet, COMPRESSION snappy)");
            statement.execute("COPY (SELECT 1 AS format_version, 'stock_ticks' AS \"table\", '" + hour
                    + "' AS hour_start, 1 AS version, '" + Instant.now() + "' AS created_at, 'test' AS"
                    + " source_fingerprint, " + ticks.size() + "::BIGINT AS row_count, [{'path':"
                    + " '_v000001/part-00000.parquet', 'rows': " + ticks.size() + "::BIGINT, 'bytes': 0::BIGINT}]"
                    + " AS files) TO '" + hourDir.resolve("_manifest.json") + "' (FORMAT json)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the compacted hour " + hour + ": " + e.getMessage(), e);
        }
    }
}
