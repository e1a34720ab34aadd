package io.ticklake.spark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticklake.infra.bench.BenchRow;
import io.ticklake.infra.bench.RowWriter;
import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.lake.LakeLayout;
import io.ticklake.spark.parquet.RawFileWriter;
import java.nio.charset.StandardCharsets;
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

/**
 * History as a new user loads it: a replayed year of daily bars lands as many sparse hours of a few rows
 * each (one raw file per hour), then one {@code bin/spark-job compact --from --to} takes the whole range,
 * the shipped launcher in a fresh JVM as a scheduler runs it. Prints hours per second (JVM start
 * included) and the number of Iceberg commits, then the time of a rerun on unchanged input (no commit).
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
        Path launcher = Path.of(System.getProperty("spark-jobs.home", "spark-jobs"), "bin", "spark-job");

        long generateStart = System.nanoTime();
        generate(dir.resolve("lake"), hours, rowsPerHour);
        double generateSeconds = seconds(generateStart);
        // the launcher archives a job's classes on its first run after a build, as any user's first run does;
        // that run is not timed: a small range of its own
        generate(dir.resolve("first-run"), 3, rowsPerHour);
        launch(launcher, dir.resolve("first-run"), 3, perCommit);

        long start = System.nanoTime();
        JsonNode result = launch(launcher, dir.resolve("lake"), hours, perCommit);
        double seconds = seconds(start);
        long rerunStart = System.nanoTime();
        JsonNode rerun = launch(launcher, dir.resolve("lake"), hours, perCommit);
        double rerunSeconds = seconds(rerunStart);
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int published = result.get("hours_published").asInt();
        if (published != hours || rerun.get("snapshots").size() != 0) {
            throw new IllegalStateException("expected " + hours + " hours published and no commit on the rerun: "
                    + result + " / " + rerun);
        }

        System.out.printf("%n== sparse hours benchmark (%d cores, load average %.1f) ==%n",
                Runtime.getRuntime().availableProcessors(), load);
        System.out.printf("%-46s %d hours x %d rows, %.1f s%n", "generate raw hours", hours, rowsPerHour, generateSeconds);
        System.out.printf("%-46s %d published, %d rows out%n", "hours", published, result.get("rows_out").asLong());
        System.out.printf("%-46s %d (hours-per-commit %s)%n", "Iceberg commits", result.get("snapshots").size(),
                perCommit);
        System.out.printf("%-46s %.1f s (in the JVM after start-up: %.1f s)%n", "spark-job compact, fresh JVM",
                seconds, result.get("duration_ms").asLong() / 1e3);
        System.out.printf("%-46s %.0f hours/s%n", "sparse hours compacted per second", published / seconds);
        System.out.printf("%-46s %.1f s, %d commits%n", "rerun on unchanged input", rerunSeconds,
                rerun.get("snapshots").size());

        RowWriter out = new RowWriter(Path.of(opts.getOrDefault("out", "target/bench-results/spark-jobs-sparse.jsonl")));
        String what = String.format(Locale.ROOT, "spark-jobs: sparse hours (%,d hours of %d rows, one shipped "
                + "spark-job compact, JVM start included)", hours, rowsPerHour);
        out.write(BenchRow.figure(HARNESS, what + ", hours compacted per second", published / seconds,
                "hours/s", "≥ 100"));
        out.write(BenchRow.figure(HARNESS, what + ", Iceberg commits", result.get("snapshots").size(), "commits", ""));
        out.write(BenchRow.figure(HARNESS, what + ", rerun on unchanged input", rerunSeconds, "s", ""));
    }

    private static void generate(Path lake, int hours, int rowsPerHour) throws Exception {
        LakeLayout layout = LakeLayout.of(lake.toUri().toString());
        for (int h = 0; h < hours; h++) {
            writeHour(layout, h, rowsPerHour);
        }
    }

    /** One {@code spark-job compact --from --to} over the first {@code hours} hours; its JSON result. */
    private static JsonNode launch(Path launcher, Path lake, int hours, String perCommit) throws Exception {
        HourPartition from = HourPartition.containing(FIRST_HOUR);
        HourPartition to = HourPartition.containing(FIRST_HOUR.plus(STEP.multipliedBy(hours)));
        Process process = new ProcessBuilder(launcher.toString(), "compact", "--lake", lake.toUri().toString(),
                "--from", from.toString(), "--to", to.toString(), "--hours-per-commit", perCommit)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        if (code != 0) {
            throw new IllegalStateException(launcher + " compact exited with " + code);
        }
        return new ObjectMapper().readTree(stdout);
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
