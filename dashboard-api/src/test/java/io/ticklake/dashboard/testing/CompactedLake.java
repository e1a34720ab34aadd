package io.ticklake.dashboard.testing;

import io.ticklake.analytics.lake.DuckDbLocations;
import io.ticklake.lake.LakeUri;
import io.ticklake.lake.RawLayout;
import io.ticklake.lake.RawTickColumns;
import io.ticklake.lake.S3Settings;
import io.ticklake.lake.table.CatalogSettings;
import io.ticklake.lake.table.LakeCatalog;
import io.ticklake.lake.table.TicksTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;

/**
 * A local lake whose compacted layer is the Iceberg table {@code ticklake.ticks} as compaction commits it:
 * the table created through {@link LakeCatalog} in the lake's SQLite catalog, one data file per hour under
 * the table's data location, sorted by (symbol, event_time), all hours replaced in one overwrite commit,
 * for the analytics runner to build its models from.
 *
 * <p>The files are written by DuckDB with the table's Parquet field ids and TIMESTAMPTZ columns (Iceberg's
 * timestamptz: TIMESTAMP(MICROS, UTC)) and committed with Iceberg's own API; this module's test classpath
 * has Iceberg core but not Iceberg's Parquet writer, which analytics' fixtures use.
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

    /** Replaces every hour the ticks fall in with one data file of its ticks, in one commit. */
    public CompactedLake publish(List<Tick> ticks) throws Exception {
        Map<Instant, List<Tick>> byHour = ticks.stream().collect(Collectors.groupingBy(
                tick -> tick.eventTime().truncatedTo(ChronoUnit.HOURS), TreeMap::new, Collectors.toList()));
        try (LakeCatalog catalog = LakeCatalog.open(LakeUri.parse(uri()), S3Settings.defaults(),
                CatalogSettings.defaults()); Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            Table table = catalog.ticks();
            Expression replaced = Expressions.alwaysFalse();
            OverwriteFiles overwrite = table.newOverwrite();
            for (Map.Entry<Instant, List<Tick>> hour : byHour.entrySet()) {
                replaced = Expressions.or(replaced, TicksTable.hourFilter(hour.getKey()));
                overwrite.addFile(writeHour(duckdb, table, hour.getKey(), hour.getValue()));
                overwrite.set(TicksTable.FINGERPRINT_PREFIX + hour.getKey(), "test-" + hour.getValue().size());
            }
            overwrite.overwriteByRowFilter(replaced).commit();
        }
        return this;
    }

    /**
     * Lands the ticks in the raw layer as the sink would ({@link RawLayout}: one file per hour, named
     * {@code name}), for the data-quality model; a tick given twice is a record landed twice.
     */
    public CompactedLake landRaw(String name, List<Tick> ticks) throws Exception {
        Map<Instant, List<Tick>> byHour = ticks.stream().collect(Collectors.groupingBy(
                tick -> tick.eventTime().truncatedTo(ChronoUnit.HOURS), TreeMap::new, Collectors.toList()));
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Map.Entry<Instant, List<Tick>> hour : byHour.entrySet()) {
                Path file = root.resolve(RawLayout.hourDirectory(hour.getKey())).resolve(name);
                Files.createDirectories(file.getParent());
                fillTicks(duckdb, hour.getValue());
                try (Statement statement = duckdb.createStatement()) {
                    statement.execute("COPY ticks TO '" + file + "' (FORMAT parquet)");
                }
            }
        }
        return this;
    }

    /** The temporary table {@code ticks} with these ticks in the lake contract's columns. */
    private static void fillTicks(Connection duckdb, List<Tick> ticks) throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("CREATE OR REPLACE TEMP TABLE ticks (symbol VARCHAR NOT NULL, price DOUBLE NOT NULL,"
                    + " volume BIGINT NOT NULL, bid DOUBLE, ask DOUBLE, event_time TIMESTAMPTZ NOT NULL,"
                    + " sequence BIGINT NOT NULL, source VARCHAR NOT NULL, kafka_topic VARCHAR NOT NULL,"
                    + " kafka_partition INTEGER NOT NULL, kafka_offset BIGINT NOT NULL, ingest_time TIMESTAMPTZ NOT NULL)");
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
    }

    private static DataFile writeHour(Connection duckdb, Table table, Instant hour, List<Tick> ticks) throws Exception {
        StructLike partition = TicksTable.partition(hour);
        String location = table.locationProvider().newDataLocation(table.spec(), partition,
                "test-" + UUID.randomUUID() + ".parquet");
        Path file = Path.of(DuckDbLocations.of(location));
        Files.createDirectories(file.getParent());
        fillTicks(duckdb, ticks);
        // the table's field ids, so Iceberg readers resolve the columns by id as in compaction's files
        String fieldIds = RawTickColumns.ALL.stream()
                .map(c -> c + ": " + table.schema().findField(c).fieldId())
                .collect(Collectors.joining(", ", "{", "}"));
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT * FROM ticks ORDER BY symbol, event_time) TO '" + file
                    + "' (FORMAT parquet, COMPRESSION snappy, FIELD_IDS " + fieldIds + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the data file of hour " + hour + ": " + e.getMessage(), e);
        }
        return DataFiles.builder(table.spec()).withPath(location).withFormat(FileFormat.PARQUET)
                .withPartition(partition).withRecordCount(ticks.size()).withFileSizeInBytes(Files.size(file))
                .build();
    }
}
