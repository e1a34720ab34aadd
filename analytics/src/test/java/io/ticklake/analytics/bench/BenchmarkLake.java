package io.ticklake.analytics.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Generates one day of compacted ticks (24 published hours, contract columns, sorted by symbol and event
 * time, a manifest per hour) with DuckDB. Prices follow a per-symbol random walk; ticks are spread evenly
 * over the day. Reused when a marker file says the same parameters made it.
 */
final class BenchmarkLake {

    private BenchmarkLake() {
    }

    static void ensure(Path dir, String day, long rows, int symbols) throws IOException, SQLException {
        String marker = "rows=" + rows + " symbols=" + symbols + " day=" + day + " format=2";
        Path markerFile = dir.resolve("bench-lake.txt");
        if (Files.exists(markerFile) && Files.readString(markerFile).equals(marker)) {
            System.out.println("reusing the generated lake in " + dir);
            return;
        }
        ModelBuildBenchmark.deleteRecursively(dir);
        Files.createDirectories(dir);
        System.out.printf("generating %,d ticks for %s in %s ...%n", rows, day, dir);
        // at least the ticks asked for: every hour gets the same share, rounded up
        long perHour = (rows + 23) / 24;
        long dayStartMs = LocalDate.parse(day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            for (int h = 0; h < 24; h++) {
                long hourMs = dayStartMs + h * 3_600_000L;
                Instant hour = Instant.ofEpochMilli(hourMs);
                String hourDir = String.format("%s/compacted/stock_ticks/year=%s/month=%s/day=%s/hour=%02d", dir,
                        day.substring(0, 4), day.substring(5, 7), day.substring(8, 10), h);
                Files.createDirectories(Path.of(hourDir, "_v000001"));
                long offsetBase = h * perHour;
                s.execute("COPY (SELECT symbol, price, volume, price - 0.01 AS bid, price + 0.01 AS ask, event_time,"
                        + " seq AS sequence, 'SIMULATOR' AS source, 'stock-ticks' AS kafka_topic,"
                        + " (sym % 6)::INTEGER AS kafka_partition, " + offsetBase + " + i AS kafka_offset,"
                        + " event_time + INTERVAL 20 MILLISECOND AS ingest_time FROM ("
                        + "  SELECT i, sym, 'S' || lpad(sym::VARCHAR, 3, '0') AS symbol, i // " + symbols + " AS seq,"
                        + "   make_timestamptz((" + hourMs + " + (i * 3600000) // " + perHour + ") * 1000) AS event_time,"
                        + "   greatest(1.0, 50 + sym * 3 + 5 * sin((" + offsetBase + " + i) / (2000.0 + sym))"
                        + "     + (random() - 0.5)) AS price,"
                        + "   (random() * 500)::BIGINT AS volume"
                        + "  FROM (SELECT i, i % " + symbols + " AS sym FROM range(" + perHour + ") t(i)))"
                        + " ORDER BY symbol, event_time) TO '" + hourDir + "/_v000001/part-00000.parquet'"
                        + " (FORMAT parquet, COMPRESSION snappy)");
                s.execute("COPY (SELECT 1 AS format_version, 'stock_ticks' AS \"table\", '" + hour + "' AS hour_start,"
                        + " 1 AS version, '" + Instant.now() + "' AS created_at, 'bench' AS source_fingerprint, "
                        + perHour + "::BIGINT AS row_count, [{'path': '_v000001/part-00000.parquet', 'rows': " + perHour
                        + "::BIGINT, 'bytes': 0::BIGINT}] AS files) TO '" + hourDir + "/_manifest.json' (FORMAT json)");
            }
        }
        Files.writeString(markerFile, marker);
    }
}
