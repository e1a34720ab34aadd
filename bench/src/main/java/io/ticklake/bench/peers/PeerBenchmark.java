package io.ticklake.bench.peers;

import io.ticklake.infra.bench.Machine;
import io.ticklake.infra.bench.RowWriter;
import io.ticklake.spark.session.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;

/**
 * Side-by-side peer benchmarks (not a test), measured in one run on the same broker and the same topics:
 * windowed KPIs — our Kafka Streams app vs a Spark Structured Streaming windowed aggregation
 * ({@link WindowedKpiPeers}); landing — our Connect sink vs Spark's file sink, plus spark-jobs' backfill
 * ({@link LandingPeers}). Prints one table (and writes its rows as JSON lines with {@code out=<file>}).
 * Run it with {@code bench/bin/bench peers}; {@code help} lists the options.
 */
public final class PeerBenchmark {

    private PeerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("help") || Arrays.asList(args).contains("--help")) {
            System.out.println("PeerBenchmark [key=value ...]\n" + PeerOptions.usage());
            return;
        }
        PeerOptions options;
        List<String> peers;
        try {
            options = PeerOptions.parse(args);
            peers = options.list("peers", "kpis", "landing");
        } catch (IllegalArgumentException e) {
            System.err.println("peer benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        quietLogs();
        boolean temporary = !options.has("work-dir");
        Path workDir = temporary ? Files.createTempDirectory("ticklake-peer-bench-")
                : Files.createDirectories(Path.of(options.get("work-dir")));
        LoadSampler load = new LoadSampler();
        ResultTable table = new ResultTable();
        BenchEndpoints endpoints = new BenchEndpoints(options, workDir);
        LazySpark spark = new LazySpark(options.sparkConf());
        int status = 0;
        try {
            if (peers.contains("kpis")) {
                new WindowedKpiPeers(options, endpoints, spark, workDir, table, load).run();
            }
            if (peers.contains("landing")) {
                new LandingPeers(options, endpoints, spark, workDir, table, load).run();
            }
        } catch (IllegalArgumentException e) {
            System.err.println("peer benchmark: " + e.getMessage());
            status = 2;
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        } finally {
            spark.stop();
            endpoints.close();
            System.out.println();
            System.out.println("Peer benchmark: " + Machine.describe() + (options.describe().isEmpty() ? ""
                    : "; options: " + options.describe()));
            table.print();
            if (options.has("out")) {
                table.write(new RowWriter(Path.of(options.get("out"))), "peers");
            }
            if (temporary) {
                deleteRecursively(workDir);
            }
        }
        System.exit(status);
    }

    /** The harness prints its own progress: per-batch job logs and Spark's "falling behind" notes only crowd it. */
    private static void quietLogs() {
        Configurator.setLevel("io.ticklake.spark.backfill", Level.WARN);
        Configurator.setLevel("org.apache.spark.sql.execution.streaming.runtime.ProcessingTimeExecutor", Level.ERROR);
        Configurator.setLevel("org.apache.spark.sql.execution.streaming.state.StateStore", Level.ERROR);
        Configurator.setLevel("org.apache.spark.scheduler.DAGScheduler", Level.ERROR);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    /** The session, created on first use (the streams-only or connect-only runs need none). */
    private static final class LazySpark implements Supplier<SparkSession> {

        private final Map<String, String> overrides;
        private SparkSession session;

        LazySpark(Map<String, String> overrides) {
            this.overrides = overrides;
        }

        @Override
        public synchronized SparkSession get() {
            if (session == null) {
                Map<String, String> conf = new HashMap<>();
                conf.put("spark.driver.host", "127.0.0.1");
                conf.put("spark.driver.bindAddress", "127.0.0.1");
                // keep every micro-batch's progress of a run, for the sustained rate
                conf.put("spark.sql.streaming.numRecentProgressUpdates", "10000");
                conf.putAll(overrides);
                session = SparkSessions.getOrCreate("ticklake-peer-benchmark", conf);
            }
            return session;
        }

        synchronized void stop() {
            if (session != null) {
                session.stop();
            }
        }
    }
}
