package io.ticklake.bench.peers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * Landing, side by side over ONE pre-loaded topic in the same run: our Connect sink, Spark Structured
 * Streaming's file sink, and spark-jobs' backfill. The topic holds {@code landing.hours} whole hours of event
 * time at {@code landing.rate} ticks/s (hour-aligned, so files per hour of data = files / hours). Spark runs
 * twice: capped at {@code rate × landing.trigger-seconds} offsets per micro-batch (the files a live query with
 * that trigger would write) and, with {@code landing.catch-up}, uncapped (its best catch-up rate, files as one
 * batch writes them). Every run lands into a fresh directory and must land every tick exactly once. The Spark
 * landings run in a JVM of their own ({@link SparkPeerProcess}); the Connect sink in the platform's worker.
 */
final class LandingPeers extends PeerComparison {

    static final String CONNECT = "connect";
    static final String SPARK = "spark";
    static final String BACKFILL = "backfill";

    /** An engine with the way it batches. */
    private record Variant(String engine, Long maxOffsetsPerTrigger, String label) {
    }

    LandingPeers(PeerOptions options, BenchEndpoints endpoints, Path workDir, ResultTable table, LoadSampler load) {
        super(options, endpoints, workDir, table, load);
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
        if (variant.engine().equals(CONNECT)) {
            return new ConnectSinkLanding(endpoints.connect(), endpoints.registry(),
                    options.intValue("landing.connect-tasks"), options.longValue("landing.flush-size"), load)
                    .land(topic, expected, dir, "landing-peer-" + id());
        }
        // Spark's stock file sink or our backfill, in a JVM of its own; timed from its query's start (session up)
        Path raw = dir.resolve("lake").resolve("raw").resolve("stock_ticks");
        Map<String, String> job = new HashMap<>(Map.of("job", variant.engine().equals(SPARK) ? "file-sink" : "backfill",
                "bootstrap", endpoints.bootstrap(), "registry", endpoints.registry(), "topic", topic,
                "checkpoint", dir.resolve("checkpoint").toUri().toString(), "lake", dir.resolve("lake").toUri().toString(),
                "output", raw.toString()));
        if (variant.maxOffsetsPerTrigger() != null) {
            job.put("max-offsets-per-trigger", variant.maxOffsetsPerTrigger().toString());
        }
        int mark = load.mark();
        SparkPeerProcess.Result result;
        try (SparkPeerProcess spark = SparkPeerProcess.start(options.get("heap"), options.get("jvm-options"), job,
                options.sparkConf(), workDir)) {
            result = spark.await(Duration.ofMinutes(30));
        }
        LandedFiles.Summary landed = new LandedFiles(raw).scan();
        if (landed.rows() != expected) {
            throw new IllegalStateException("the " + variant.engine() + " landing landed " + landed.rows() + " rows of "
                    + expected);
        }
        return new LandingResult(landed.rows(), result.querySeconds(), variant.engine().equals(SPARK)
                ? result.sustained() : Double.NaN, landed.files(), landed.hourDirectories(), landed.bytes(),
                load.medianSince(mark));
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
            if (!variant.engine().equals(BACKFILL)) {
                table.add(label + ": ticks/s, steady state", median(list, LandingResult::steadyRate), "ticks/s", "",
                        loadAverage, variant.engine().equals(CONNECT) ? "10%..90% of the rows durable in landed files"
                                : "rows / micro-batch durations (the first left out from 3 batches on)");
            }
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
