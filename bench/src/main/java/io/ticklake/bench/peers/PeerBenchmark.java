package io.ticklake.bench.peers;

import io.ticklake.infra.bench.Machine;
import io.ticklake.infra.bench.RowWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Side-by-side peer benchmarks (not a test), measured in one run on the same broker and the same topics:
 * windowed KPIs — our Kafka Streams app vs a Spark Structured Streaming windowed aggregation
 * ({@link WindowedKpiPeers}); landing — our Connect sink vs Spark's file sink, plus spark-jobs' backfill
 * ({@link LandingPeers}). Every engine runs in a JVM of its own, started by this one, which only offers
 * ticks and measures. Prints one table (and writes its rows as JSON lines with {@code out=<file>}).
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
        boolean temporary = !options.has("work-dir");
        Path workDir = temporary ? Files.createTempDirectory("ticklake-peer-bench-")
                : Files.createDirectories(Path.of(options.get("work-dir")));
        LoadSampler load = new LoadSampler();
        ResultTable table = new ResultTable();
        BenchEndpoints endpoints = new BenchEndpoints(options, workDir);
        // Ctrl-C: stop every engine JVM this harness started, then the local platform, not only the harness
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                EngineJvms.stopAll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            endpoints.close();
        }, "peer-benchmark-stop"));
        int status = 0;
        try {
            if (peers.contains("kpis")) {
                new WindowedKpiPeers(options, endpoints, workDir, table, load).run();
            }
            if (peers.contains("landing")) {
                new LandingPeers(options, endpoints, workDir, table, load).run();
            }
        } catch (IllegalArgumentException e) {
            System.err.println("peer benchmark: " + e.getMessage());
            status = 2;
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        } finally {
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

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
