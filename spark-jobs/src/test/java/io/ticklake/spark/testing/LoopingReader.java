package io.ticklake.spark.testing;

import io.ticklake.lake.LakeUri;
import io.ticklake.lake.S3Settings;
import io.ticklake.lake.table.CatalogSettings;
import io.ticklake.lake.table.LakeCatalog;
import io.ticklake.lake.table.TicksTable;
import io.ticklake.spark.lake.HourPartition;
import java.net.URI;
import java.util.ArrayList;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A reader of one hour of the table on the local lake that loops on its own thread the way a query engine
 * would: plan the current snapshot's files of the hour with Iceberg, then count the rows of exactly those
 * files with DuckDB. Every read records the row count it saw and any inconsistency (a count other than the
 * snapshot's, a planned file that is missing).
 */
public final class LoopingReader implements AutoCloseable {

    private final LakeCatalog catalog;
    private final HourPartition hour;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong reads = new AtomicLong();
    private final Set<Long> countsSeen = ConcurrentHashMap.newKeySet();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Thread thread;

    public LoopingReader(String lake, HourPartition hour) {
        this.catalog = LakeCatalog.open(LakeUri.parse(lake), S3Settings.defaults(), CatalogSettings.defaults());
        this.hour = hour;
        this.thread = new Thread(this::loop, "looping-reader");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            while (running.get()) {
                readOnce(duckdb);
            }
        } catch (Exception e) {
            problems.add("reader stopped: " + e);
        }
    }

    private void readOnce(Connection duckdb) {
        try {
            Table table = catalog.ticks();
            List<DataFile> files = new ArrayList<>();
            if (table.currentSnapshot() != null) {
                try (CloseableIterable<FileScanTask> tasks = table.newScan()
                        .filter(TicksTable.hourFilter(hour.start())).planFiles()) {
                    tasks.forEach(t -> files.add(t.file()));
                }
            }
            long expected = files.stream().mapToLong(DataFile::recordCount).sum();
            long count;
            if (files.isEmpty()) {
                count = 0;
            } else {
                String list = files.stream().map(f -> "'" + Path.of(URI.create(f.location().replaceFirst("^file:/+",
                        "file:///"))) + "'").collect(Collectors.joining(","));
                try (Statement st = duckdb.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet([" + list + "])")) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            if (count != expected) {
                problems.add("read " + count + " rows but the snapshot's files hold " + expected);
            }
            countsSeen.add(count);
            reads.incrementAndGet();
        } catch (Exception e) {
            problems.add("read failed: " + e);
        }
    }

    public long reads() {
        return reads.get();
    }

    public Set<Long> countsSeen() {
        return Set.copyOf(countsSeen);
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(30_000);
        try {
            catalog.close();
        } catch (java.io.IOException e) {
            problems.add("closing the catalog failed: " + e);
        }
    }
}
