package io.ticklake.e2e.lake;

import io.ticklake.e2e.kafka.Coordinates;
import io.ticklake.e2e.reference.Kpi;
import io.ticklake.e2e.reference.WindowKey;
import io.ticklake.lake.LakeUri;
import io.ticklake.lake.RawLayout;
import io.ticklake.lake.S3Settings;
import io.ticklake.lake.table.CatalogSettings;
import io.ticklake.lake.table.LakeCatalog;
import io.ticklake.lake.table.TicksTable;
import io.ticklake.spark.lake.HourPartition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Reads a local lake with DuckDB, the way an analyst would: the raw files by glob, a compacted hour
 * through the Iceberg table {@code ticklake.ticks} (its catalog and the scan planning of the current
 * snapshot name the files; DuckDB reads their rows), and the analytics models' Parquet files.
 */
public final class LakeReader implements AutoCloseable {

    /** The raw/compacted columns of the lake contract, in order. */
    public static final List<String> CONTRACT_COLUMNS = List.of("symbol", "price", "volume", "bid", "ask",
            "event_time", "sequence", "source", "kafka_topic", "kafka_partition", "kafka_offset", "ingest_time");

    private static final Pattern HOUR_DIRECTORY =
            Pattern.compile("/(year=\\d{4}/month=\\d{2}/day=\\d{2}/hour=\\d{2})/");
    private static final String ROW_COLUMNS = "kafka_topic, kafka_partition, kafka_offset, symbol, price, volume, bid,"
            + " ask, epoch_ms(event_time), sequence, source, epoch_ms(ingest_time), filename";

    private final Path lake;
    private final Connection duckdb;

    public LakeReader(Path lake) {
        this.lake = lake;
        try {
            duckdb = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = duckdb.createStatement()) {
                statement.execute("SET TimeZone = 'UTC'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open DuckDB", e);
        }
    }

    /** {@code file:///…} of the lake. */
    public String uri() {
        return "file://" + lake.toAbsolutePath();
    }

    /** The Parquet files of the raw table. */
    public List<Path> rawFiles() {
        return parquetFiles(lake.resolve("raw/stock_ticks"));
    }

    /** Every row of every raw file. */
    public List<LakeRow> raw() {
        if (rawFiles().isEmpty()) {
            return List.of();
        }
        return rows("SELECT " + ROW_COLUMNS + " FROM read_parquet('" + lake.resolve("raw/stock_ticks")
                + "/*/*/*/*/*.parquet', hive_partitioning = false, filename = true)");
    }

    /** The column names of the raw files, in file order (the same in every file, or DuckDB refuses). */
    public List<String> rawColumns() {
        return strings("SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet('"
                + lake.resolve("raw/stock_ticks") + "/*/*/*/*/*.parquet', hive_partitioning = false))");
    }

    /** The hours that hold raw files. */
    public List<HourPartition> rawHours() {
        return rawFiles().stream().map(f -> HourPartition.fromPath(f.getParent().toString()).orElseThrow())
                .distinct().sorted().toList();
    }

    /**
     * A compacted hour of the current snapshot of {@code ticklake.ticks}; empty if the table does not exist
     * or has no file for the hour. Rows carry the hour partition as their directory
     * ({@code year=…/month=…/day=…/hour=…}), the layout raw rows have.
     */
    public Optional<CompactedHour> compacted(HourPartition hour) {
        try (LakeCatalog catalog = LakeCatalog.open(LakeUri.parse(uri()), S3Settings.defaults(),
                CatalogSettings.defaults())) {
            Optional<Table> table = catalog.existingTicks();
            Snapshot snapshot = table.map(Table::currentSnapshot).orElse(null);
            if (snapshot == null) {
                return Optional.empty();
            }
            List<String> files = new ArrayList<>();
            long rowCount = 0;
            try (CloseableIterable<FileScanTask> tasks = table.get().newScan().useSnapshot(snapshot.snapshotId())
                    .filter(TicksTable.hourFilter(hour.start())).planFiles()) {
                for (FileScanTask task : tasks) {
                    if (!TicksTable.hourOf(task.file().partition()).equals(hour.start())) {
                        throw new AssertionError("planning hour " + hour + " listed " + task.file().location());
                    }
                    files.add(Path.of(URI.create("file://" + task.file().location().substring("file:".length())
                            .replaceFirst("^/+", "/"))).toString());
                    rowCount += task.file().recordCount();
                }
            }
            if (files.isEmpty()) {
                return Optional.empty();
            }
            String list = files.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", "));
            String directory = RawLayout.partitionPath(hour.start());
            List<LakeRow> rows = rows("SELECT " + ROW_COLUMNS + " FROM read_parquet([" + list + "], filename = true)")
                    .stream().map(r -> new LakeRow(r.coordinates(), r.symbol(), r.price(), r.volume(), r.bid(), r.ask(),
                            r.eventTimeMs(), r.sequence(), r.source(), r.ingestTimeMs(), directory)).toList();
            return Optional.of(new CompactedHour(hour.start(), snapshot.snapshotId(), rowCount, files, rows));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ticklake.ticks for " + hour, e);
        }
    }

    /** The analytics model {@code ohlcv_1m}, by symbol and minute. */
    public Map<WindowKey, Kpi> ohlcv1m() {
        Map<WindowKey, Kpi> kpis = new TreeMap<>();
        query("SELECT symbol, epoch_ms(window_start), epoch_ms(window_end), open, high, low, close, avg, vwap, volume,"
                + " trade_count, stddev, epoch_ms(last_event_time) FROM " + model("ohlcv_1m"), rs -> {
                    Kpi kpi = new Kpi(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                            Instant.ofEpochMilli(rs.getLong(3)), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6),
                            rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getLong(10), rs.getLong(11),
                            rs.getDouble(12), Instant.ofEpochMilli(rs.getLong(13)), null, null);
                    kpis.put(kpi.key(), kpi);
                });
        return kpis;
    }

    /** The analytics model {@code daily_summary}. */
    public List<DailySummaryRow> dailySummary() {
        List<DailySummaryRow> rows = new ArrayList<>();
        query("SELECT symbol, CAST(day AS VARCHAR), open, high, low, close, volume, vwap, trade_count FROM "
                + model("daily_summary") + " ORDER BY symbol, day", rs -> rows.add(new DailySummaryRow(
                rs.getString(1), LocalDate.parse(rs.getString(2)), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                rs.getDouble(6), rs.getLong(7), rs.getDouble(8), rs.getLong(9))));
        return rows;
    }

    @Override
    public void close() {
        try {
            duckdb.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A model's files as a DuckDB table expression. Hive partitioning is off: DuckDB would otherwise
     * read {@code day} from the {@code day=DD} directory names and shadow daily_summary's own
     * {@code day} column.
     */
    private String model(String name) {
        return "read_parquet('" + lake.resolve("models").resolve(name)
                + "/*/*/*/*.parquet', hive_partitioning = false)";
    }

    private List<LakeRow> rows(String sql) {
        List<LakeRow> rows = new ArrayList<>();
        query(sql, rs -> {
            Matcher hour = HOUR_DIRECTORY.matcher(rs.getString(13));
            rows.add(new LakeRow(new Coordinates(rs.getString(1), rs.getInt(2), rs.getLong(3)), rs.getString(4),
                    rs.getDouble(5), rs.getLong(6), (Double) rs.getObject(7), (Double) rs.getObject(8), rs.getLong(9),
                    rs.getLong(10), rs.getString(11), rs.getLong(12), hour.find() ? hour.group(1) : rs.getString(13)));
        });
        return rows;
    }

    private List<String> strings(String sql) {
        List<String> values = new ArrayList<>();
        query(sql, rs -> values.add(rs.getString(1)));
        return values;
    }

    private void query(String sql, RowHandler handler) {
        try (Statement statement = duckdb.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                handler.handle(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB query failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> parquetFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet"))
                    .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }
}
