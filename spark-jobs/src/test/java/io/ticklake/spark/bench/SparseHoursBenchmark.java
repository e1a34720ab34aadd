package io.ticklake.spark.bench;

import io.ticklake.infra.bench.BenchRow;
import io.ticklake.infra.bench.RowWriter;
import io.ticklake.spark.compaction.Compaction;
import io.ticklake.spark.compaction.CompactionResult;
import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.lake.LakeLayout;
import io.ticklake.spark.parquet.RawFileWriter;
import io.ticklake.spark.session.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * History as a new user loads it: a replayed year of daily bars lands as many sparse hours of a few rows
 * each (one raw file per hour), then one {@code compact --from --to} takes the whole range. Prints hours
 * per second and the number of Iceberg commits, then the time of a rerun on unchanged input (no commit).
 * Arguments: [hours=1011] [rows-per-hour=30] [hours-per-commit=500] [dir=/path] [out=rows.jsonl]
 */
public final class SparseHoursBenchmark {

    private static final Instant FIRST_HOUR = Instant.parse("2025-01-02T14:00:00Z");
    // trading days' closes: one hour every 8 h keeps hours sparse (never two adjacent)
    private static final Duration STEP = Duration.ofHours(8);

    private static final String HARNESS = "spark-jobs-sparse";

    private SparseHoursBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Arrays.stream(args).map(a -> a.split("=", 2))
                .collect(Collectors.toMap(a -> a[0], a -> a[1]));
        int hours = Integer.parseInt(opts.getOrDefault("hours", "1011"));
        int rowsPerHour = Integer.parseInt(opts.getOrDefault("rows-per-hour", "30"));
        String perCommit = opts.getOrDefault("hours-per-commit", "500");
        Path dir = opts.containsKey("dir") ? Path.of(opts.get("dir")) : Files.createTempDirectory("sparse-bench");
        String lake = dir.toUri().toString();
        LakeLayout layout = LakeLayout.of(lake);

        long generateStart = System.nanoTime();
        for (int h = 0; h < hours; h++) {
            writeHour(layout, h, rowsPerHour);
        }
        double generateSeconds = seconds(generateStart);
        HourPartition from = HourPartition.containing(FIRST_HOUR);
        HourPartition to = HourPartition.containing(FIRST_HOUR.plus(STEP.multipliedBy(hours)));

        SparkSession spark = SparkSessions.getOrCreate("sparse-hours-benchmark", Map.of());
        long start = System.nanoTime();
        CompactionResult result = compaction(spark, lake, from, to, perCommit);
        double seconds = seconds(start);
        long rerunStart = System.nanoTime();
        CompactionResult rerun = compaction(spark, lake, from, to, perCommit);
        double rerunSeconds = seconds(rerunStart);
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        spark.stop();

        System.out.printf("%n== sparse hours benchmark (%d cores, load average %.1f) ==%n",
                Runtime.getRuntime().availableProcessors(), load);
        System.out.printf("%-46s %d hours x %d rows, %.1f s%n", "generate raw hours", hours, rowsPerHour, generateSeconds);
        System.out.printf("%-46s %d published, %d rows out%n", "hours", result.published(), result.rowsOut());
        System.out.printf("%-46s %d (hours-per-commit %s)%n", "Iceberg commits", result.snapshots().size(), perCommit);
        System.out.printf("%-46s %.1f s%n", "compaction time (warm-up of the session included)", seconds);
        System.out.printf("%-46s %.0f hours/s%n", "sparse hours compacted per second", result.published() / seconds);
        System.out.printf("%-46s %.1f s, %d commits%n", "rerun on unchanged input", rerunSeconds,
                rerun.snapshots().size());

        RowWriter out = new RowWriter(Path.of(opts.getOrDefault("out", "target/bench-results/spark-jobs-sparse.jsonl")));
        String what = String.format(Locale.ROOT, "spark-jobs: sparse hours (%,d hours of %d rows, one job, fresh session)",
                hours, rowsPerHour);
        out.write(BenchRow.figure(HARNESS, what + ", hours compacted per second", result.published() / seconds,
                "hours/s", "≥ 100"));
        out.write(BenchRow.figure(HARNESS, what + ", Iceberg commits", result.snapshots().size(), "commits", ""));
        out.write(BenchRow.figure(HARNESS, what + ", rerun on unchanged input", rerunSeconds, "s", ""));
    }

    private static CompactionResult compaction(SparkSession spark, String lake, HourPartition from, HourPartition to,
                                               String perCommit) throws Exception {
        return Compaction.in(spark).option("lake", lake).option("from", from.toString()).option("to", to.toString())
                .option("hours-per-commit", perCommit).execute();
    }

    private static void writeHour(LakeLayout layout, int index, int rows) throws Exception {
        Instant hourStart = FIRST_HOUR.plus(STEP.multipliedBy(index));
        HourPartition hour = HourPartition.containing(hourStart);
        long firstOffset = (long) index * rows;
        String name = String.format("stock-ticks+0+%020d.parquet", firstOffset);
        try (RawFileWriter<org.apache.spark.sql.Row> writer =
                     RawFileWriter.forRows(layout.rawHour(hour) + "/" + name, new Configuration(), 1 << 20)) {
            for (int i = 0; i < rows; i++) {
                double price = 100 + i + index * 0.01;
                long eventTime = hourStart.toEpochMilli() + i * 1000L;
                writer.write(RowFactory.create(String.format("SYM%02d", i), price, 1000L + i, price - 0.01,
                        price + 0.01, eventTime, firstOffset + i, "REPLAY", "stock-ticks", 0, firstOffset + i,
                        Instant.ofEpochMilli(eventTime + 5)));
            }
            writer.closeAndPublish();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
