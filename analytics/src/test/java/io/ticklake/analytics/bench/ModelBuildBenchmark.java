package io.ticklake.analytics.bench;

import io.ticklake.analytics.AnalyticsConfig;
import io.ticklake.analytics.ConfigKey;
import io.ticklake.analytics.run.AnalyticsRunner;
import io.ticklake.analytics.run.BuildScope;
import io.ticklake.analytics.run.RunListener;
import io.ticklake.analytics.run.RunResult;
import io.ticklake.infra.bench.BenchRow;
import io.ticklake.infra.bench.RowWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Times building every model from the compacted lake for one day of ticks: a full build, and the
 * incremental build after one hour is compacted. Prints a table of medians over several runs; the
 * generated lake is kept (and reused when the parameters match) so repeated runs skip generation.
 *
 * <pre>
 * ./mvnw -q -Pbench -pl analytics test-compile exec:exec [-Dbench.args="--rows 10000000 --symbols 50 --runs 5"]
 * </pre>
 * Options: {@code --rows} ticks in the day (10,000,000), {@code --symbols} (50), {@code --runs} per scenario
 * (5), {@code --dir} where the lake goes ({@code <tmp>/ticklake-analytics-bench}), {@code --threads}, {@code --out}
 * the rows' JSON-lines file ({@code target/bench-results/analytics.jsonl}).
 * Other arguments (the root bench profile's JMH filter) are ignored.
 */
public final class ModelBuildBenchmark {

    private static final String DAY = "2026-11-20";
    private static final Instant HOUR = Instant.parse(DAY + "T14:00:00Z");

    private ModelBuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        long rows = Long.parseLong(options.getOrDefault("rows", "10000000"));
        int symbols = Integer.parseInt(options.getOrDefault("symbols", "50"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        Path dir = Path.of(options.getOrDefault("dir",
                Path.of(System.getProperty("java.io.tmpdir"), "ticklake-analytics-bench").toString()));

        BenchmarkLake.ensure(dir, DAY, rows, symbols);
        Map<String, String> config = new HashMap<>();
        config.put(ConfigKey.LAKE.option(), dir.toUri().toString());
        if (options.containsKey("threads")) {
            config.put(ConfigKey.THREADS.option(), options.get("threads"));
        }
        AnalyticsRunner runner = AnalyticsRunner.create(AnalyticsConfig.from(config, System.getenv()), RunListener.NONE);

        List<Long> full = new ArrayList<>();
        List<Long> hour = new ArrayList<>();
        List<Long> fullCpu = new ArrayList<>();
        List<Long> hourCpu = new ArrayList<>();
        RunResult lastFull = null;
        RunResult lastHour = null;
        for (int i = 0; i < runs; i++) {
            deleteRecursively(dir.resolve("models"));
            long t0 = System.nanoTime();
            long c0 = cpuNanos();
            lastFull = runner.run(BuildScope.full());
            full.add((System.nanoTime() - t0) / 1_000_000);
            fullCpu.add((cpuNanos() - c0) / 1_000_000);
            long t1 = System.nanoTime();
            long c1 = cpuNanos();
            lastHour = runner.run(BuildScope.hour(HOUR));
            hour.add((System.nanoTime() - t1) / 1_000_000);
            hourCpu.add((cpuNanos() - c1) / 1_000_000);
        }

        System.out.printf("%nModel build benchmark: %,d ticks, %d symbols, one day (%s), %d runs each, %d cores,"
                        + " load average %.1f%n", rows, symbols, DAY, runs, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        String format = "%-32s %14s %10s %10s %10s %14s %10s%n";
        System.out.printf(format, "scenario", "ticks read", "median ms", "min ms", "max ms", "median cpu ms", "target ms");
        System.out.printf(format, "full build, all models", String.format("%,d", lastFull.model("stg_ticks").rows()),
                median(full), min(full), max(full), median(fullCpu), 10_000);
        System.out.printf(format, "incremental, one hour", String.format("%,d", lastHour.model("stg_ticks").rows()),
                median(hour), min(hour), max(hour), median(hourCpu), 1_000);
        System.out.println("(wall times; cpu = the process's CPU time over all threads, DuckDB's included, which"
                + " other load on the machine does not inflate)");
        System.out.println();
        System.out.println("per model, last full build / last incremental build (ms):");
        for (var m : lastFull.models()) {
            System.out.printf("  %-18s %8d %8d%n", m.model(), m.millis(), lastHour.model(m.model()).millis());
        }
        RowWriter out = new RowWriter(Path.of(options.getOrDefault("out", "target/bench-results/analytics.jsonl")));
        String day = String.format(Locale.ROOT, "%,d ticks, %d symbols", rows, symbols);
        out.write(BenchRow.figure("analytics", "analytics: models full build of a day (" + day + "), wall, median of "
                + runs, median(full), "ms", "≤ 10,000"));
        out.write(BenchRow.figure("analytics", "analytics: models incremental build of one hour (" + day + "), wall,"
                + " median of " + runs, median(hour), "ms", "≤ 1,000"));
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            }
        }
        return options;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long min(List<Long> values) {
        return values.stream().min(Long::compare).orElseThrow();
    }

    private static long max(List<Long> values) {
        return values.stream().max(Long::compare).orElseThrow();
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
