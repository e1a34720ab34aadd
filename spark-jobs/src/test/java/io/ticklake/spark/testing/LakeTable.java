package io.ticklake.spark.testing;

import io.ticklake.lake.LakeUri;
import io.ticklake.lake.S3Settings;
import io.ticklake.lake.table.CatalogSettings;
import io.ticklake.lake.table.LakeCatalog;
import io.ticklake.lake.table.TicksTable;
import io.ticklake.spark.lake.HourPartition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The lake's table as tests see it: through the same catalog settings the jobs use, as an Iceberg
 * {@link Table} (snapshots, files) and as Spark SQL reads it (rows), the way an outside engine would.
 */
public final class LakeTable implements AutoCloseable {

    private final SparkSession spark;
    private final LakeCatalog catalog;
    private final String sqlName;

    public LakeTable(SparkSession spark, String lake) {
        this(spark, lake, S3Settings.defaults(), CatalogSettings.defaults());
    }

    public LakeTable(SparkSession spark, String lake, S3Settings s3, CatalogSettings settings) {
        this.spark = spark;
        LakeUri uri = LakeUri.parse(lake);
        this.catalog = LakeCatalog.open(uri, s3, settings);
        // Iceberg's JDBC catalog keys its tables by the catalog's name, so Spark must call it "lake" too;
        // Spark caches catalogs by name, so the previous test's "lake" is dropped first
        String name = CatalogSettings.CATALOG_NAME;
        ((org.apache.spark.sql.classic.SparkSession) spark).sessionState().catalogManager().reset();
        spark.conf().set("spark.sql.catalog." + name, "org.apache.iceberg.spark.SparkCatalog");
        settings.icebergProperties(uri, s3).forEach((k, v) -> spark.conf().set("spark.sql.catalog." + name + "." + k, v));
        // read the newest commit on every query, not a cached table
        spark.conf().set("spark.sql.catalog." + name + ".cache-enabled", "false");
        this.sqlName = name + ".ticklake.ticks";
    }

    public Table table() {
        Table table = catalog.ticks();
        table.refresh();
        return table;
    }

    /** The table's name for Spark SQL. */
    public String sqlName() {
        return sqlName;
    }

    public List<Snapshot> snapshots() {
        List<Snapshot> all = new ArrayList<>();
        table().snapshots().forEach(all::add);
        return all;
    }

    /** The hour's data files in the current snapshot. */
    public List<DataFile> files(HourPartition hour) {
        List<DataFile> files = new ArrayList<>();
        Table table = table();
        if (table.currentSnapshot() == null) {
            return files;
        }
        try (CloseableIterable<FileScanTask> tasks = table.newScan().filter(TicksTable.hourFilter(hour.start()))
                .planFiles()) {
            tasks.forEach(t -> files.add(t.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The hour's rows as Spark SQL reads the table. */
    public List<Tick> rows(HourPartition hour) {
        return ticks(spark.sql("SELECT * FROM " + sqlName + " WHERE event_time >= TIMESTAMP '"
                + hour.start() + "' AND event_time < TIMESTAMP '" + hour.end() + "'").collectAsList());
    }

    /** The rows of one data file in file order. */
    public List<Tick> rowsOf(DataFile file) {
        return ticks(spark.read().parquet(file.location()).coalesce(1).collectAsList());
    }

    private static List<Tick> ticks(List<Row> rows) {
        return rows.stream().map(r -> new Tick(r.getAs("symbol"), r.getAs("price"), r.getAs("volume"), r.getAs("bid"),
                r.getAs("ask"), instant(r.getAs("event_time")), r.getAs("sequence"), r.getAs("source"),
                r.getAs("kafka_topic"), r.getAs("kafka_partition"), r.getAs("kafka_offset"),
                instant(r.getAs("ingest_time")))).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : ((java.sql.Timestamp) value).toInstant();
    }

    @Override
    public void close() throws IOException {
        catalog.close();
    }
}
