package io.ticklake.bench.peers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.apache.spark.sql.SparkSession;

/**
 * Landing, side by side over ONE pre-loaded topic in the same run: our Connect sink, Spark Structured
 * Streaming's file sink, and spark-jobs' backfill. The topic holds {@code landing.hours} whole hours of event
 * time at {@code landing.rate} ticks/s (hour-aligned, so files per hour of data = files / hours). Spark runs
 * twice: capped at {@code rate × landing.trigger-seconds} offsets per micro-batch (the files a live query with
 * that trigger would write) and, with {@code landing.catch-up}, uncapped (its best catch-up rate, files as one
 * batch writes them). Every run lands into a fresh directory and must land every tick exactly once.
 */
final class LandingPeers extends PeerComparison {

    static final String CONNECT = "connect";
    static final String SPARK = "spark";
    static final String BACKFILL = "backfill";

    /** An engine with the way it batches. */
    private record Variant(String engine, Long maxOffsetsPerTrigger, String label) {
    }

    LandingPeers(PeerOptions options, BenchEndpoints endpoints, Supplier<SparkSession> spark, Path workDir,
            ResultTable table, LoadSampler load) {
        super(options, endpoints, spark, workDir, table, load);
    }

    @Override
    void run() throws Exception {
        List<String> engines = options.list("landing.engines", CONNECT, SPARK, BACKFILL);
        long rate = options.longValue("landing.rate");
        long hours = options.longValue("landing.hours");
        if (rate < 1 || rate > 1_000_000 || hours < 1) {
            throw new IllegalArgumentException("options 'landing.rate' (1..1000000) and 'landing.hours' (>= 1) are out of range");
        }
        String topic = "landing-peer-" + id();
        TickBacklog.createTopics(endpoints.bootstrap(), options.intValue("landing.partitions"), topic);
        TickBacklog.Shape shape = new TickBacklog.Shape(rate * 3600 * hours, options.intValue("landing.symbols"),
                Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS).toEpochMilli(),
                1_000_000_000L / rate, true);
        long produceStart = System.nanoTime();
        long produced = TickBacklog.produce(endpoints.bootstrap(), endpoints.registry(), topic, shape);
        System.err.printf(Locale.ROOT, "landing: %,d ticks (%d h at %,d ticks/s of event time) pre-loaded into %s in %.1f s%n",
                produced, hours, rate, topic, (System.nanoTime() - produceStart) / 1e9);

        long perTrigger = rate * options.longValue("landing.trigger-seconds");
        List<Variant> variants = new ArrayList<>();
        for (String engine : engines) {
            if (engine.equals(CONNECT)) {
                variants.add(new Variant(engine, null, "flush.size " + options.get("landing.flush-size")
                        + ", rotate.interval.ms 600000 (defaults), " + options.get("landing.connect-tasks") + " task(s)"));
                continue;
            }
            variants.add(new Variant(engine, perTrigger, String.format(Locale.ROOT,
                    "as a %s s trigger: maxOffsetsPerTrigger %,d", options.get("landing.trigger-seconds"), perTrigger)));
            if (options.booleanValue("landing.catch-up")) {
                variants.add(new Variant(engine, null, "catch-up, uncapped"));
            }
        }
        Map<Variant, List<LandingResult>> results = new LinkedHashMap<>();
        for (int run = 1; run <= options.intValue("runs"); run++) {
            for (Variant variant : variants) {
                LandingResult result = land(variant, topic, produced);
                System.err.printf(Locale.ROOT, "landing: round %d %s (%s): %,d ticks in %.1f s = %,.0f ticks/s, %d files"
                        + " in %d hour(s) (load %.1f)%n", run, variant.engine(), variant.label(), result.ticks(),
                        result.seconds(), result.ticksPerSecond(), result.files(), result.hours(), result.load());
                results.computeIfAbsent(variant, v -> new ArrayList<>()).add(result);
            }
        }
        report(results, produced, rate);
    }

    private LandingResult land(Variant variant, String topic, long expected) throws Exception {
        Path dir = Files.createDirectories(workDir.resolve("landing-" + variant.engine() + "-" + id()));
        return switch (variant.engine()) {
            case CONNECT -> new ConnectSinkLanding(endpoints.connect(), endpoints.registry(),
                    options.intValue("landing.connect-tasks"), options.longValue("landing.flush-size"), load)
                    .land(topic, expected, dir, "landing-peer-" + id());
            case SPARK -> new SparkFileSinkLanding(spark.get(), endpoints.bootstrap(), endpoints.registry(), load)
                    .land(topic, expected, dir, variant.maxOffsetsPerTrigger());
            default -> new BackfillLanding(spark.get(), endpoints.bootstrap(), endpoints.registry(), load)
                    .land(topic, expected, dir, variant.maxOffsetsPerTrigger());
        };
    }

    private void report(Map<Variant, List<LandingResult>> results, long produced, long rate) {
        int runs = options.intValue("runs");
        String data = String.format(Locale.ROOT, "%s%,d ticks, %,d ticks/s of event time", runs > 1
                ? "median of " + runs + " runs; " : "", produced, rate);
        results.forEach((variant, list) -> {
            String name = switch (variant.engine()) {
                case CONNECT -> "landing, Connect sink (ours)";
                case SPARK -> "landing, Spark file sink (peer)";
                default -> "landing, spark-jobs backfill (ours)";
            };
            String label = name + " [" + (variant.maxOffsetsPerTrigger() == null && !variant.engine().equals(CONNECT)
                    ? "catch-up" : variant.engine().equals(CONNECT) ? "defaults" : options.get("landing.trigger-seconds")
                    + " s trigger") + "]";
            double loadAverage = median(list, LandingResult::load);
            table.add(label + ": ticks/s", median(list, LandingResult::ticksPerSecond), "ticks/s", "", loadAverage,
                    data + "; " + variant.label() + "; start -> every row durable");
            table.add(label + ": files per hour of data", median(list, LandingResult::filesPerHour), "files/h", "",
                    loadAverage, String.format(Locale.ROOT, "%.0f rows/file", median(list, LandingResult::rowsPerFile)));
        });
    }

    private static <T> double median(List<T> values, ToDoubleFunction<T> metric) {
        return Stats.median(values.stream().mapToDouble(metric).toArray());
    }

    private static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
