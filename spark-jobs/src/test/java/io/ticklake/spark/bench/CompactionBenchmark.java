package io.ticklake.spark.bench;

import io.ticklake.infra.bench.BenchRow;
import io.ticklake.infra.bench.RowWriter;
import io.ticklake.spark.compaction.Compaction;
import io.ticklake.spark.compaction.HourCompactionResult;
import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.lake.LakeLayout;
import io.ticklake.spark.parquet.RawFileWriter;
import io.ticklake.spark.session.SparkSessions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Compacts one hour of many small raw files (the Connect sink's shape: one file per partition and flush,
 * plus backfill files repeating some offsets) and compares a DuckDB query over the raw hour with the same
 * query over the compacted hour. Not a test: run it with {@code spark-jobs/bin/bench-compaction}.
 *
 * <p>Arguments: {@code [files=1000] [rows=10000000] [dir=<temp>] [runs=5] [out=<rows' JSON-lines file>]
 * [row-group-size=<the job's default>]}.
 */
public final class CompactionBenchmark {

    private static final HourPartition HOUR = HourPartition.parse("2026-11-20T14");
    private static final int KAFKA_PARTITIONS = 6;
    private static final int SYMBOLS = 50;

    private static final String HARNESS = "spark-jobs";

    private CompactionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Arrays.stream(args).map(a -> a.split("=", 2))
                .collect(Collectors.toMap(a -> a[0], a -> a[1]));
        int files = Integer.parseInt(opts.getOrDefault("files", "1000"));
        long rows = Long.parseLong(opts.getOrDefault("rows", "10000000"));
        int runs = Integer.parseInt(opts.getOrDefault("runs", "5"));
        Path dir = opts.containsKey("dir") ? Path.of(opts.get("dir")) : Files.createTempDirectory("compaction-bench");
        String lake = dir.toUri().toString();
        LakeLayout layout = LakeLayout.of(lake);

        long generateStart = System.nanoTime();
        long duplicates = generate(layout, files, rows);
        double generateSeconds = seconds(generateStart);

        SparkSession spark = SparkSessions.getOrCreate("compaction-benchmark", Map.of());
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        // a fresh JVM compiles much of Spark and parquet-java while compacting, on cores the tasks need
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        // the generator's leftovers are not the compaction's: a user's spark-job JVM starts without them
        awaitIdleCompiler(jit);
        System.gc();
        long jitStart = jit.getTotalCompilationTime();
        long cpuStart = os.getProcessCpuTime();
        long compactStart = System.nanoTime();
        Compaction compaction = Compaction.in(spark).option("lake", lake).option("hour", HOUR.toString());
        if (opts.containsKey("row-group-size")) {
            compaction.option("row-group-size", opts.get("row-group-size"));
        }
        HourCompactionResult result = compaction.execute().hours().get(0);
        double compactSeconds = seconds(compactStart);
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        double jitSeconds = (jit.getTotalCompilationTime() - jitStart) / 1e3;
        double load = os.getSystemLoadAverage();
        List<String> tableFiles;
        try (io.ticklake.spark.testing.LakeTable table = new io.ticklake.spark.testing.LakeTable(spark, lake)) {
            tableFiles = table.files(HOUR).stream()
                    .map(f -> Path.of(URI.create(f.location().replaceFirst("^file:/+", "file:///"))).toString()).toList();
        }
        spark.stop();

        Path rawHour = Path.of(URI.create(layout.rawHour(HOUR)));
        String rawSource = "read_parquet('" + rawHour + "/*.parquet')";
        // the table's files of the hour as Iceberg plans them, the way analytics hands them to DuckDB
        String compactedSource = "read_parquet([" + tableFiles.stream().map(f -> "'" + f + "'")
                .collect(Collectors.joining(",")) + "])";
        String allSymbols = "SELECT symbol, count(*) AS trades, min(price) AS low, max(price) AS high, "
                + "sum(price * volume) / sum(volume) AS vwap FROM %s GROUP BY symbol ORDER BY symbol";
        String oneSymbol = "SELECT time_bucket(INTERVAL 5 MINUTE, event_time) AS bucket, count(*) AS trades, "
                + "max(price) AS high, min(price) AS low, sum(price * volume) / sum(volume) AS vwap "
                + "FROM %s WHERE symbol = 'SYM07' GROUP BY bucket ORDER BY bucket";
        String dedupedRaw = "(SELECT DISTINCT ON (kafka_topic, kafka_partition, kafka_offset) * FROM " + rawSource + ")";
        double[] all = compare(allSymbols, rawSource, compactedSource, dedupedRaw, runs);
        double[] one = compare(oneSymbol, rawSource, compactedSource, dedupedRaw, runs);
        // one symbol's time depends on where its rows fall among the row groups (one or two of them): the
        // target is judged on the median symbol
        double everySymbol = medianSpeedUpOverSymbols(oneSymbol, rawSource, compactedSource, runs);

        System.out.printf("%n== compaction benchmark (%d cores, heap %d MB) ==%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("%-46s %s%n", "lake", lake);
        System.out.printf("%-46s %.1f s (%d rows incl. %d duplicates)%n", "generate raw hour", generateSeconds,
                rows + duplicates, duplicates);
        System.out.printf("%-46s %d -> %d%n", "files in -> out", result.filesIn(), result.filesOut());
        System.out.printf("%-46s %.1f MB -> %.1f MB%n", "bytes in -> out", result.bytesIn() / 1e6,
                result.bytesOut() / 1e6);
        System.out.printf("%-46s %d in, %d duplicates dropped, %d out%n", "rows", result.rowsIn(),
                result.duplicatesDropped(), result.rowsOut());
        System.out.printf("%-46s %.1f s%n", "compaction time", compactSeconds);
        System.out.printf("%-46s %,.0f rows/s%n", "compaction throughput (rows in / s)", result.rowsIn() / compactSeconds);
        System.out.printf("%-46s %.1f s (%,.0f rows per CPU-second; machine load average %.1f)%n",
                "compaction CPU time of this process", cpuSeconds, result.rowsIn() / cpuSeconds, load);
        System.out.printf("%-46s %.1f s%n", "JIT compilation time during compaction", jitSeconds);
        System.out.printf("%-46s raw %.0f ms, compacted %.0f ms, speed-up %.1fx%n",
                "DuckDB per-symbol aggregate, all symbols", all[0], all[1], all[0] / all[1]);
        System.out.printf("%-46s raw %.0f ms, compacted %.0f ms, speed-up %.1fx%n",
                "DuckDB one symbol, 5-minute bars", one[0], one[1], one[0] / one[1]);
        System.out.printf("%-46s speed-up %.1fx (median over the %d symbols)%n", "DuckDB each symbol, 5-minute bars",
                everySymbol, SYMBOLS);
        System.out.printf("(query times: median of %d runs after one warm-up; raw, per symbol: one run)%n", runs);

        RowWriter out = new RowWriter(Path.of(opts.getOrDefault("out", "target/bench-results/spark-jobs.jsonl")));
        String what = String.format(Locale.ROOT, "spark-jobs: compaction of one hour into ticklake.ticks (%,d rows in %d"
                + " files, local[*])", result.rowsIn(), result.filesIn());
        out.write(BenchRow.figure(HARNESS, what + ", rows in per wall second", result.rowsIn() / compactSeconds,
                "rows/s", "≥ 1,000,000"));
        out.write(BenchRow.figure(HARNESS, what + ", rows in per CPU-second", result.rowsIn() / cpuSeconds,
                "rows/cpu-s", ""));
        out.write(BenchRow.figure(HARNESS, what + ", CPU-seconds", cpuSeconds, "cpu-s", ""));
        out.write(BenchRow.figure(HARNESS, what + ", files out", result.filesOut(), "files", ""));
        out.write(BenchRow.figure(HARNESS, "spark-jobs: DuckDB query speed-up raw -> table, per-symbol aggregate, all"
                + " symbols", all[0] / all[1], "x", ""));
        out.write(BenchRow.figure(HARNESS, "spark-jobs: DuckDB query speed-up raw -> table, one symbol (SYM07), 5-minute"
                + " bars", one[0] / one[1], "x", ""));
        out.write(BenchRow.figure(HARNESS, "spark-jobs: DuckDB query speed-up raw -> table, 5-minute bars of one symbol,"
                + " median over the " + SYMBOLS + " symbols", everySymbol, "x", "≥ 10"));
    }

    /** Writes the raw hour: {@code files} sink files over 6 partitions, then 2% of them again as backfill files. */
    private static long generate(LakeLayout layout, int files, long rows) throws Exception {
        long perFile = rows / files;
        int backfillFiles = Math.max(1, files / 50);
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        List<Future<?>> work = new ArrayList<>();
        for (int f = 0; f < files + backfillFiles; f++) {
            int file = f < files ? f : (f - files) * 50;          // backfill files repeat every 50th sink file
            String prefix = f < files ? "" : "backfill+";
            work.add(pool.submit(() -> {
                writeFile(layout, prefix, file, perFile);
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        return backfillFiles * perFile;
    }

    private static void writeFile(LakeLayout layout, String prefix, int file, long perFile) throws Exception {
        int partition = file % KAFKA_PARTITIONS;
        long firstOffset = (file / KAFKA_PARTITIONS) * perFile;
        String name = String.format("%sstock-ticks+%d+%020d.parquet", prefix, partition, firstOffset);
        SplittableRandom random = new SplittableRandom(file);
        long hourMillis = HOUR.start().toEpochMilli();
        double[] prices = new double[SYMBOLS];
        for (int s = 0; s < SYMBOLS; s++) {
            prices[s] = 50 + s * 3;
        }
        try (RawFileWriter<org.apache.spark.sql.Row> writer = RawFileWriter.forRows(layout.rawHour(HOUR) + "/" + name, new Configuration(), 8 << 20)) {
            for (long i = 0; i < perFile; i++) {
                // every Kafka record its own trade (sequence), as a producer gives them: compaction keeps one row
                // per (symbol, sequence) of an hour, so only the backfill files' copies of records are duplicates
                long offset = firstOffset + i;
                int symbol = random.nextInt(SYMBOLS);
                // a random walk in cents, like real trade prices
                prices[symbol] = Math.max(1, prices[symbol] + (random.nextInt(5) - 2) * 0.01);
                double price = Math.round(prices[symbol] * 100) / 100.0;
                long eventTime = hourMillis + (offset * 3_600_000L / (perFile * 200)) % 3_600_000L
                        + random.nextInt(1000);
                writer.write(RowFactory.create(String.format("SYM%02d", symbol), price, 1L + random.nextInt(500),
                        random.nextInt(10) == 0 ? null : price - 0.01, price + 0.01, Math.min(eventTime,
                                hourMillis + 3_599_999L), offset * KAFKA_PARTITIONS + partition, "SIMULATOR",
                        "stock-ticks", partition, offset,
                        Instant.ofEpochMilli(hourMillis + 3_600_000L)));
            }
            writer.closeAndPublish();
        }
    }

    /**
     * Median query time in ms of the same query over the raw and the compacted hour. The raw hour holds the
     * duplicates, so its answer is checked against the compacted one after deduplication (not timed).
     */
    private static double[] compare(String sql, String raw, String compacted, String dedupedRaw, int runs)
            throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            String rawAnswer = query(duckdb, String.format(sql, dedupedRaw));
            String compactedAnswer = query(duckdb, String.format(sql, compacted));
            if (!rawAnswer.equals(compactedAnswer)) {
                throw new IllegalStateException("raw and compacted hour disagree:\n" + rawAnswer + "\n" + compactedAnswer);
            }
            query(duckdb, String.format(sql, raw));
            return new double[] {median(duckdb, String.format(sql, raw), runs),
                median(duckdb, String.format(sql, compacted), runs)};
        }
    }

    /** Per symbol, the raw hour's query time (one run: it scans every file whatever the symbol) over the table's. */
    private static double medianSpeedUpOverSymbols(String oneSymbolSql, String raw, String compacted, int runs)
            throws Exception {
        List<Double> speedUps = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            for (int s = 0; s < SYMBOLS; s++) {
                String sql = oneSymbolSql.replace("'SYM07'", String.format("'SYM%02d'", s));
                query(duckdb, String.format(sql, compacted)); // warm-up
                speedUps.add(median(duckdb, String.format(sql, raw), 1) / median(duckdb, String.format(sql, compacted), runs));
            }
        }
        speedUps.sort(Comparator.naturalOrder());
        return speedUps.get(speedUps.size() / 2);
    }

    private static double median(Connection duckdb, String sql, int runs) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query(duckdb, sql);
            times.add((System.nanoTime() - start) / 1e6);
        }
        times.sort(Comparator.naturalOrder());
        return times.get(times.size() / 2);
    }

    private static String query(Connection duckdb, String sql) throws Exception {
        StringBuilder answer = new StringBuilder();
        try (Statement st = duckdb.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int c = 1; c <= columns; c++) {
                    Object value = rs.getObject(c);
                    // sums of doubles depend on the order rows are added: compare to 9 significant digits
                    answer.append(value instanceof Double d ? String.format("%.9g", d) : String.valueOf(value)).append('|');
                }
                answer.append('\n');
            }
        }
        return answer.toString();
    }

    /** Until the JIT has compiled nothing for a second (at most 60 s): its queue of the generator's methods is done. */
    private static void awaitIdleCompiler(java.lang.management.CompilationMXBean jit) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        long idleSince = System.nanoTime();
        long compiled = jit.getTotalCompilationTime();
        while (System.nanoTime() - idleSince < 1_000_000_000L && System.nanoTime() < deadline) {
            Thread.sleep(100);
            long now = jit.getTotalCompilationTime();
            if (now != compiled) {
                compiled = now;
                idleSince = System.nanoTime();
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

}
