package io.ticklake.simulator.bench;

import io.ticklake.infra.bench.BenchRow;
import io.ticklake.infra.bench.RowWriter;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.simulator.market.MarketSimulator;
import io.ticklake.simulator.market.SimulationSettings;
import io.ticklake.simulator.produce.KafkaTickSink;
import io.ticklake.simulator.produce.Preflight;
import io.ticklake.simulator.produce.ProducerSettings;
import io.ticklake.simulator.run.RunOptions;
import io.ticklake.simulator.run.RunSummary;
import io.ticklake.simulator.run.TickPipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Sustained produce rate to a real broker: the simulator's own pipeline (generator, validation,
 * Avro serde, tuned idempotent {@code acks=all} producer) at full speed, several rounds per producer
 * configuration, each round timed from the first tick to the last acknowledgement. Prints a table, and
 * writes the median per configuration as a row ({@code --out}, JSON lines) that {@code ./ticklake bench} reads.
 *
 * <p>Against the local test platform (started and stopped here):
 * <pre>./mvnw -q -pl simulator test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath io.ticklake.simulator.bench.ProduceThroughputBench"</pre>
 * or against a running cluster with {@code --bootstrap-servers} and {@code --schema-registry-url}.
 */
@Command(name = "produce-throughput", mixinStandardHelpOptions = true)
public final class ProduceThroughputBench implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", description = "Kafka to produce to (default: start the local test platform)")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", description = "Registry (required with --bootstrap-servers)")
    String registryUrl;

    @Option(names = "--ticks", defaultValue = "2000000", description = "Ticks per round. Default: ${DEFAULT-VALUE}")
    long ticks;

    @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds per configuration. Default: ${DEFAULT-VALUE}")
    int rounds;

    @Option(names = "--warmup-ticks", defaultValue = "6000000",
            description = "Unmeasured ticks first, so the client's and the broker's JIT are done. Default: ${DEFAULT-VALUE}")
    long warmupTicks;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions of the benchmark topic. Default: ${DEFAULT-VALUE}")
    int partitions;

    @Option(names = "--configs", split = ",", defaultValue = "default,zstd,kafka-defaults",
            description = "Producer configurations to compare: default (the simulator's: lz4, 256 KiB batches, linger"
                    + " 5 ms), zstd, none (no compression), kafka-defaults (no compression, 16 KiB batches)."
                    + " Default: ${DEFAULT-VALUE}")
    List<String> configs;

    @Option(names = "--out", defaultValue = "target/bench-results/simulator.jsonl",
            description = "Where the rows go (JSON lines, one per configuration). Default: ${DEFAULT-VALUE}")
    Path out;

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(new CommandLine(new ProduceThroughputBench()).execute(args));
    }

    @Override
    public Integer call() {
        TestPlatform platform = null;
        String bootstrap = bootstrapServers;
        String registry = registryUrl;
        if (bootstrap == null) {
            System.out.println("Starting the local test platform (Kafka + registry)...");
            platform = TestPlatform.shared();
            bootstrap = platform.kafkaBootstrapServers();
            registry = platform.schemaRegistryUrl();
        }
        try {
            String topic = "bench-ticks-" + UUID.randomUUID();
            ProducerSettings base = new ProducerSettings(bootstrap, registry, topic, Map.of(), Duration.ofSeconds(30));
            new Preflight(base).check(Optional.of(partitions));
            System.out.printf(Locale.ROOT, "Producing %,d ticks per round to %s (%d partitions), %d cores, max heap %d MiB%n",
                    ticks, bootstrap, partitions, Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("%-15s %6s %12s %9s %14s%n", "config", "round", "ticks", "seconds", "ticks/s");
            RunSummary warm = round(base, warmupTicks, 0);
            print("default", "warmup", warm);
            // Configurations take turns round by round, so a slow phase of the machine hits all of them.
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (String config : configs) {
                    ProducerSettings settings = new ProducerSettings(bootstrap, registry, topic, overrides(config),
                            Duration.ofSeconds(30));
                    RunSummary summary = round(settings, ticks, round);
                    print(config, String.valueOf(round), summary);
                    rates.computeIfAbsent(config, c -> new ArrayList<>()).add(summary.ackedPerSecond());
                }
            }
            Map<String, Double> medians = new LinkedHashMap<>();
            rates.forEach((config, values) -> medians.put(config, median(values)));
            System.out.println();
            System.out.printf("%-15s %14s%n", "config", "median ticks/s");
            medians.forEach((config, median) -> System.out.printf(Locale.ROOT, "%-15s %,14.0f%n", config, median));
            RowWriter rows = new RowWriter(out);
            medians.forEach((config, median) -> rows.write(BenchRow.figure("simulator", "simulator: produce, "
                    + describe(config) + ", median of " + rounds + " rounds", median, "ticks/s",
                    "default".equals(config) ? "≥ 200,000" : "")));
            return 0;
        } finally {
            if (platform != null) {
                platform.close();
            }
        }
    }

    /** Produces {@code count} ticks with a fresh producer; the time includes the final flush. */
    private static RunSummary round(ProducerSettings settings, long count, int round) {
        MarketSimulator source = new MarketSimulator(SimulationSettings.defaults(100_000, round + 1000L,
                Instant.parse("2026-11-20T14:30:00Z")));
        try (KafkaTickSink sink = new KafkaTickSink(settings)) {
            RunSummary summary = new TickPipeline(source, sink, RunOptions.count(count)).run();
            if (!summary.complete()) {
                throw new IllegalStateException("a round lost ticks: " + summary.toText());
            }
            return summary;
        }
    }

    private static void print(String config, String round, RunSummary summary) {
        System.out.printf(Locale.ROOT, "%-15s %6s %,12d %9.2f %,14.0f%n", config, round, summary.sink().acked(),
                summary.elapsed().toMillis() / 1000.0, summary.ackedPerSecond());
    }

    private static Map<String, String> overrides(String config) {
        return switch (config) {
            case "default" -> Map.of();
            case "zstd" -> Map.of("compression.type", "zstd");
            case "none" -> Map.of("compression.type", "none");
            case "kafka-defaults" -> Map.of("compression.type", "none", "batch.size", "16384");
            default -> throw new IllegalArgumentException("unknown config " + config);
        };
    }

    private static String describe(String config) {
        return switch (config) {
            case "default" -> "simulator settings (lz4, acks=all, idempotent)";
            case "kafka-defaults" -> "Kafka's producer defaults (no compression, 16 KiB batches)";
            default -> "compression " + config;
        };
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
