package io.ticklake.spark.testing;

import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.lake.Manifest;
import io.ticklake.spark.lake.ManifestReader;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A reader of one compacted hour on the local lake that loops on its own thread the way a query engine
 * would: resolve the manifest, then count the rows of exactly the listed files with DuckDB. Every read
 * records the row count it saw and any inconsistency (files of two versions, a count other than the
 * manifest's, a listed file that is missing).
 */
public final class LoopingReader implements AutoCloseable {

    private final ManifestReader manifests;
    private final HourPartition hour;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong reads = new AtomicLong();
    private final Set<Long> countsSeen = ConcurrentHashMap.newKeySet();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Thread thread;

    public LoopingReader(String lake, HourPartition hour) {
        this.manifests = ManifestReader.local(lake);
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
            Optional<Manifest> manifest = manifests.manifest(hour);
            if (manifest.isEmpty()) {
                reads.incrementAndGet();
                countsSeen.add(0L);
                return;
            }
            List<URI> files = manifests.resolve(hour, manifest.get());
            Set<String> versions = manifest.get().files().stream().map(f -> f.path().substring(0, f.path().indexOf('/')))
                    .collect(Collectors.toSet());
            if (versions.size() > 1) {
                problems.add("manifest v" + manifest.get().version() + " mixes versions " + versions);
            }
            long count;
            if (files.isEmpty()) {
                count = 0;
            } else {
                String list = files.stream().map(u -> "'" + Path.of(u) + "'").collect(Collectors.joining(","));
                try (Statement st = duckdb.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet([" + list + "])")) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            if (count != manifest.get().rowCount()) {
                problems.add("read " + count + " rows but manifest v" + manifest.get().version() + " says "
                        + manifest.get().rowCount());
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
    }
}
