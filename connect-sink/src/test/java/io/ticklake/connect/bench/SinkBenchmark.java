package io.ticklake.connect.bench;

import io.ticklake.connect.TickLakeSinkTask;
import io.ticklake.connect.config.TickLakeSinkConfig;
import io.ticklake.connect.storage.ObjectStore;
import io.ticklake.connect.storage.ObjectStores;
import io.ticklake.connect.testing.ManualClock;
import io.ticklake.connect.testing.RecordingTaskContext;
import io.ticklake.connect.testing.Ticks;
import io.ticklake.infra.bench.BenchRow;
import io.ticklake.infra.bench.RowWriter;
import io.ticklake.infra.testing.S3Settings;
import io.ticklake.infra.testing.TestPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Sink throughput per task, and files per hour at given rates and flush sizes. Drives one
 * {@link TickLakeSinkTask} directly with SinkRecords of Confluent-wire StockTicks (so decoding,
 * Parquet encoding and uploading are all measured, Kafka and Connect's own overhead are not), in
 * poll-sized batches of one partition each, as a worker hands them over.
 *
 * <pre>
 * ./mvnw -q -pl connect-sink test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx2g -cp %classpath io.ticklake.connect.bench.SinkBenchmark [--records N] [--runs N] [--no-minio] [--out FILE.jsonl]"
 * </pre>
 */
public final class SinkBenchmark {

    private static final String HARNESS = "connect-sink";
    private static final int PARTITIONS = 6;
    private static final int POLL_BATCH = 500;
    private static final Instant START = Instant.parse("2026-11-20T13:30:00Z");

    private final String registry = "mock://bench-" + UUID.randomUUID();

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        int records = intOption(options, "--records", 600_000);
        int runs = intOption(options, "--runs", 5);
        boolean minio = !options.contains("--no-minio");
        Path out = Path.of(option(options, "--out", "target/bench-results/connect-sink.jsonl"));
        new SinkBenchmark().run(records, runs, minio, new RowWriter(out));
    }

    private static int intOption(List<String> options, String name, int fallback) {
        return Integer.parseInt(option(options, name, Integer.toString(fallback)));
    }

    private static String option(List<String> options, String name, String fallback) {
        int index = options.indexOf(name);
        return index >= 0 ? options.get(index + 1) : fallback;
    }

    /** One store's median run. */
    private record Throughput(String store, int ticks, double ticksPerSecond, double mbPerSecond, long files) {
    }

    private void run(int count, int runs, boolean minio, RowWriter rows) throws Exception {
        System.out.printf("Generating %,d ticks over %d partitions...%n", count, PARTITIONS);
        List<List<SinkRecord>> batches = pollBatches(count, 2_000);
        List<Throughput> table = new ArrayList<>();

        Path base = Files.createTempDirectory("ticklake-bench-");
        table.add(measure("local filesystem", count, runs, batches, run -> Map.of(
                "lake.uri", base.resolve("run-" + run).toUri().toString())));
        if (minio) {
            try (TestPlatform platform = TestPlatform.isolated()) {
                S3Settings s3 = platform.minio();
                table.add(measure("MinIO (loopback)", count, runs, batches, run -> Map.of(
                        "lake.uri", "s3a://" + s3.bucket() + "/bench-" + run,
                        "s3.endpoint", s3.endpoint(), "s3.region", s3.region(), "s3.path.style.access", "true",
                        "s3.access.key", s3.accessKey(), "s3.secret.key", s3.secretKey())));
            }
        }
        deleteRecursively(base);

        System.out.println();
        System.out.println("Sink throughput, one task (median of " + runs + " runs; flush.size 50000, 6 partitions,"
                + " batches of " + POLL_BATCH + ")");
        System.out.printf("| %-18s | %12s | %14s | %10s | %6s |%n", "store", "ticks", "ticks/s/task", "MB/s", "files");
        System.out.println("|--------------------|--------------|----------------|------------|--------|");
        for (Throughput row : table) {
            System.out.printf(Locale.ROOT, "| %-18s | %,12d | %,14.0f | %10.1f | %6d |%n", row.store(), row.ticks(),
                    row.ticksPerSecond(), row.mbPerSecond(), row.files());
            rows.write(BenchRow.figure(HARNESS, "connect-sink: task throughput, " + row.store() + ", median of " + runs
                    + " runs", row.ticksPerSecond(), "ticks/s/task", "≥ 100,000"));
        }

        // measured first, printed after: the task's log lines would otherwise land inside the table's rows
        List<String> filesRows = new ArrayList<>();
        for (int rate : new int[] {100, 1_000, 5_000}) {
            for (int flushSize : new int[] {10_000, 50_000}) {
                long files = filesPerHour(rate, flushSize);
                filesRows.add(String.format("| %12d | %10d | %10d | %14d |", rate, flushSize, files, rate * 3600L / files));
                rows.write(BenchRow.figure(HARNESS, String.format(Locale.ROOT, "connect-sink: files per hour at %,d"
                        + " ticks/s (flush.size %d, rotate 10 min)", rate, flushSize), files, "files/h", ""));
            }
        }
        System.out.println();
        System.out.println("Files per hour (simulated hour of event time, 6 partitions, rotate.interval.ms 600000)");
        System.out.printf("| %12s | %10s | %10s | %14s |%n", "ticks/s", "flush.size", "files/hour", "avg rows/file");
        System.out.println("|--------------|------------|------------|----------------|");
        filesRows.forEach(System.out::println);
        System.out.flush();
    }

    private Throughput measure(String label, int count, int runs, List<List<SinkRecord>> batches,
                             Function<Integer, Map<String, String>> storeConfig) {
        double[] rates = new double[runs];
        long bytes = 0;
        long files = 0;
        for (int run = -1; run < runs; run++) { // run -1 warms the JIT up
            Map<String, String> props = config(50_000);
            props.putAll(storeConfig.apply(run + 1));
            CountingStoreWrapper store = new CountingStoreWrapper();
            ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
            TickLakeSinkTask task = new TickLakeSinkTask(config -> store.wrap(ObjectStores.open(config)), clock);
            RecordingTaskContext context = new RecordingTaskContext();
            task.initialize(context);
            task.start(props);
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(Ticks.TOPIC, p));
            }
            task.open(partitions);
            long started = System.nanoTime();
            for (List<SinkRecord> batch : batches) {
                task.put(batch);
            }
            clock.advance(Duration.ofMinutes(2));
            task.put(List.of()); // idle-closes the last open files: everything is durable
            long elapsed = System.nanoTime() - started;
            task.stop();
            if (run >= 0) {
                rates[run] = count / (elapsed / 1e9);
                bytes = store.bytes;
                files = store.files;
            }
            if (!context.reports().isEmpty()) {
                throw new IllegalStateException("benchmark records were rejected: " + context.reports().get(0).error());
            }
        }
        Arrays.sort(rates);
        double median = rates[runs / 2];
        return new Throughput(label, count, median, bytes / 1e6 / (count / median), files);
    }

    private long filesPerHour(int ticksPerSecond, int flushSize) {
        CountingObjectStore store = new CountingObjectStore();
        ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
        TickLakeSinkTask task = new TickLakeSinkTask(config -> store, clock);
        task.initialize(new RecordingTaskContext());
        Map<String, String> props = config(flushSize);
        props.put("lake.uri", "s3a://simulation");
        task.start(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.add(new TopicPartition(Ticks.TOPIC, p));
        }
        task.open(partitions);
        Ticks ticks = new Ticks(registry);
        long total = ticksPerSecond * 3600L;
        long[] offsets = new long[PARTITIONS];
        List<SinkRecord> batch = new ArrayList<>(POLL_BATCH);
        // one hour of event time from the top of an hour, records in event-time order
        Instant hour = Instant.parse("2026-11-20T14:00:00Z");
        for (long i = 0; i < total; i++) {
            Instant time = hour.plusNanos(i * 1_000_000_000L / ticksPerSecond);
            int partition = (int) (i % PARTITIONS);
            batch.add(ticks.tickRecord(partition, offsets[partition]++, "SYM" + partition, time));
            if (batch.size() == POLL_BATCH) {
                task.put(batch);
                batch = new ArrayList<>(POLL_BATCH);
            }
        }
        task.put(batch);
        // the hour's last files close when the next hour's data arrives (rotate.interval.ms) or on idle
        clock.advance(Duration.ofMinutes(2));
        task.put(List.of());
        task.stop();
        return store.files.get();
    }

    private Map<String, String> config(int flushSize) {
        Map<String, String> props = new HashMap<>();
        props.put("schema.registry.url", registry);
        props.put(TickLakeSinkConfig.FLUSH_SIZE, Integer.toString(flushSize));
        props.put(TickLakeSinkConfig.ROTATE_INTERVAL_MS, "600000");
        props.put(TickLakeSinkConfig.ROTATE_IDLE_MS, "60000");
        return props;
    }

    /**
     * Poll batches as a worker hands them over: up to 500 records of one partition, partitions in
     * turn. Ticks arrive at {@code ticksPerSecond} of event time, so files span realistic hours.
     */
    private List<List<SinkRecord>> pollBatches(int count, int ticksPerSecond) {
        Ticks ticks = new Ticks(registry);
        List<List<SinkRecord>> perPartition = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            perPartition.add(new ArrayList<>());
        }
        for (int i = 0; i < count; i++) {
            String symbol = "SYM" + (i % 24);
            int partition = Math.floorMod(symbol.hashCode(), PARTITIONS);
            List<SinkRecord> records = perPartition.get(partition);
            Instant time = START.plusNanos((long) i * 1_000_000_000L / ticksPerSecond);
            records.add(ticks.tickRecord(partition, records.size(), symbol, time));
        }
        List<List<SinkRecord>> batches = new ArrayList<>();
        int[] next = new int[PARTITIONS];
        boolean more = true;
        while (more) {
            more = false;
            for (int p = 0; p < PARTITIONS; p++) {
                List<SinkRecord> records = perPartition.get(p);
                if (next[p] < records.size()) {
                    int end = Math.min(records.size(), next[p] + POLL_BATCH);
                    batches.add(records.subList(next[p], end));
                    next[p] = end;
                    more = true;
                }
            }
        }
        return batches;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Counts files and bytes on their way to the real store. */
    private static final class CountingStoreWrapper {
        long files;
        long bytes;

        ObjectStore wrap(ObjectStore delegate) {
            return new ObjectStore() {
                @Override
                public boolean putIfAbsent(String key, io.ticklake.connect.storage.FileBytes content) {
                    boolean stored = delegate.putIfAbsent(key, content);
                    files++;
                    bytes += content.size();
                    return stored;
                }

                @Override
                public java.util.Optional<io.ticklake.connect.storage.ObjectTail> tail(String key, int maxBytes) {
                    return delegate.tail(key, maxBytes);
                }

                @Override
                public int abortIncompleteUploads(String keyPrefix, java.util.function.Predicate<String> fileName) {
                    return delegate.abortIncompleteUploads(keyPrefix, fileName);
                }

                @Override
                public void probe() {
                    delegate.probe();
                }

                @Override
                public String describe() {
                    return delegate.describe();
                }

                @Override
                public void close() {
                    delegate.close();
                }
            };
        }
    }
}
