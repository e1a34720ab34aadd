package io.ticklake.bench.peers;

import io.ticklake.bench.openloop.BacklogProgress;
import io.ticklake.bench.openloop.IqPoller;
import io.ticklake.bench.openloop.OpenLoopProducer;
import io.ticklake.bench.openloop.TickLedger;
import io.ticklake.bench.openloop.Visibility;
import io.ticklake.infra.bench.BacklogSpan;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;

/**
 * Windowed KPIs, side by side on the same broker in the same run, each engine in a JVM of its own with the same
 * heap and GC settings: our Kafka Streams app (streams-app's runner of the shipped {@code KpiInstance} host) and a
 * Spark Structured Streaming windowed aggregation ({@link SparkWindowedKpis} in a {@link SparkPeerProcess}).
 * Both decode with the project's Avro deserializer and write their KPIs to a topic. Same work: {@code streams}
 * is ours restricted to the peer's one window (1 minute, no rollups); {@code streams-shipped} adds the shipped
 * 5m/15m/1h rollups (throughput only).
 *
 * <ol>
 *   <li>Throughput: ONE pre-loaded topic (streams-app KpiBenchmark's shape); each engine consumes all of it
 *       from the start, engines taking turns per round. Whole backlog = ticks / (JVM launch → all processed);
 *       sustained = Streams: 10%→90% of the committed offsets (as KpiBenchmark), Spark: the micro-batches after
 *       the first. Each engine's output is checked: its 1-minute windows' final trade counts add up to the
 *       backlog.</li>
 *   <li>Latency, open loop: ticks offered at a fixed rate into a fresh topic per engine and round (the
 *       {@code latency} harness's producer and ledger); every tick of the measured seconds is recorded in an
 *       HdrHistogram from its due time until its KPI is visible: in the engine's committed output (a
 *       {@code read_committed} consumer of its KPI topic) for both, and for ours also via interactive
 *       queries.</li>
 * </ol>
 */
final class WindowedKpiPeers extends PeerComparison {

    static final String STREAMS = "streams";
    static final String STREAMS_SHIPPED = "streams-shipped";
    static final String SPARK = "spark";
    private static final Duration DRAIN = Duration.ofSeconds(60);

    /** One throughput run. */
    private record Throughput(double whole, double sustained, double load) {
    }

    /**
     * One latency run: per way of seeing the ticks (committed output, IQ), its histogram and unseen ticks; and the
     * ticks offered but not yet in the committed output when the measured seconds began (a backlog the engine
     * had not caught up on after the warm-up).
     */
    private record Latency(Map<String, Histogram> histograms, Map<String, Long> unseen, double load,
                           long backlogAtStart) {
    }

    WindowedKpiPeers(PeerOptions options, BenchEndpoints endpoints, Path workDir, ResultTable table, LoadSampler load) {
        super(options, endpoints, workDir, table, load);
    }

    @Override
    void run() throws Exception {
        List<String> engines = options.list("kpi.engines", STREAMS, STREAMS_SHIPPED, SPARK);
        if ((engines.contains(STREAMS) || engines.contains(STREAMS_SHIPPED)) && !options.has("kpi.streams-classpath")) {
            throw new IllegalArgumentException("option 'kpi.streams-classpath' is needed for the streams engines"
                    + " (bench/bin/bench peers sets it)");
        }
        int runs = options.intValue("runs");
        String topic = "kpi-peer-backlog-" + id();
        TickBacklog.createTopics(endpoints.bootstrap(), options.intValue("kpi.partitions"), topic);
        TickBacklog.Shape shape = new TickBacklog.Shape(options.longValue("kpi.ticks"), options.intValue("kpi.symbols"),
                Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS).toEpochMilli(), 5_000_000L, false);
        long produceStart = System.nanoTime();
        long produced = TickBacklog.produce(endpoints.bootstrap(), endpoints.registry(), topic, shape);
        System.err.printf(Locale.ROOT, "kpis: %,d ticks pre-loaded into %s in %.1f s (%.1f h of event time)%n",
                produced, topic, (System.nanoTime() - produceStart) / 1e9, shape.eventSeconds() / 3600);

        Map<String, List<Throughput>> throughput = new LinkedHashMap<>();
        Map<String, List<Latency>> latency = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            for (String engine : engines) {
                Throughput result = engine.equals(SPARK) ? sparkThroughput(topic, produced)
                        : streamsThroughput(engine, topic, produced);
                System.err.printf(Locale.ROOT, "kpis: round %d %s throughput: whole %,.0f ticks/s, sustained %,.0f ticks/s"
                        + " (load %.1f)%n", run, engine, result.whole(), result.sustained(), result.load());
                throughput.computeIfAbsent(engine, e -> new ArrayList<>()).add(result);
            }
        }
        for (int run = 1; run <= runs; run++) {
            for (String engine : engines) {
                if (engine.equals(STREAMS_SHIPPED)) {
                    continue; // the shipped windows' latency is the latency harness's
                }
                Latency result = latency(engine);
                int round = run;
                result.histograms().forEach((seen, h) -> System.err.printf(Locale.ROOT, "kpis: round %d %s latency via %s:"
                        + " p50 %.1f ms, p99 %.1f ms, max %.1f ms, %,d ticks, %d never seen (load %.1f)%n", round, engine,
                        seen, h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3,
                        h.getTotalCount(), result.unseen().get(seen), result.load()));
                latency.computeIfAbsent(engine, e -> new ArrayList<>()).add(result);
            }
        }
        report(throughput, latency, produced, runs);
    }

    private Throughput streamsThroughput(String engine, String topic, long produced) throws Exception {
        String applicationId = "kpi-peer-" + engine + "-" + id();
        String output = applicationId + "-kpis";
        TickBacklog.createTopics(endpoints.bootstrap(), options.intValue("kpi.partitions"), output, applicationId + "-dlq");
        int mark = load.mark();
        long started = System.nanoTime();
        Throughput result;
        try (StreamsAppProcess app = StreamsAppProcess.start(options.get("kpi.streams-classpath"), options.get("heap"),
                options.get("jvm-options"), streamsConfig(engine, applicationId, topic, output), workDir);
             ConsumerGroupProgress progress = new ConsumerGroupProgress(endpoints.bootstrap())) {
            BacklogSpan span = progress.await(applicationId, topic, produced, app::ensureAlive);
            result = new Throughput(produced / ((span.at100() - started) / 1e9), span.steadyRate(),
                    load.medianSince(mark));
        }
        checkOutput(output, KpiOutputFeed.windowKpis(endpoints.registry()), produced, engine);
        return result;
    }

    private Throughput sparkThroughput(String topic, long produced) throws Exception {
        String output = "kpi-peer-spark-" + id() + "-kpis";
        TickBacklog.createTopics(endpoints.bootstrap(), options.intValue("kpi.partitions"), output);
        int mark = load.mark();
        SparkPeerProcess.Result result;
        try (SparkPeerProcess spark = startSpark(topic, output, "available-now")) {
            result = spark.await(Duration.ofMinutes(30));
        }
        double loadAverage = load.medianSince(mark);
        checkOutput(output, KpiOutputFeed::sparkJson, produced, SPARK);
        return new Throughput(produced / result.jvmSeconds(), result.sustained(), loadAverage);
    }

    private SparkPeerProcess startSpark(String topic, String output, String trigger) throws Exception {
        Map<String, String> job = new HashMap<>(Map.of("job", "kpis", "bootstrap", endpoints.bootstrap(), "registry",
                endpoints.registry(), "topic", topic, "output-topic", output, "watermark", options.get("kpi.spark-watermark"),
                "trigger", trigger, "checkpoint", workDir.resolve("checkpoint-" + id()).toUri().toString()));
        if (trigger.equals("available-now") && options.has("kpi.spark-max-offsets-per-trigger")) {
            job.put("max-offsets-per-trigger", options.get("kpi.spark-max-offsets-per-trigger"));
        }
        return SparkPeerProcess.start(options.get("heap"), options.get("jvm-options"), job, options.sparkConf(), workDir);
    }

    /**
     * Reads the engine's output once it is done (not during the timed run, whose CPU it would share) and fails
     * unless its 1-minute windows' final trade counts add up to the backlog, within {@link #DRAIN}.
     */
    private void checkOutput(String output, Function<byte[], KpiOutputFeed.KpiUpdate> decoder, long produced,
            String engine) throws InterruptedException {
        try (KpiOutputFeed feed = new KpiOutputFeed(endpoints.bootstrap(), output, decoder, null)) {
            long deadline = System.nanoTime() + DRAIN.toNanos();
            while (feed.ticksAggregated() != produced) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the " + engine + " engine's output counts " + feed.ticksAggregated()
                            + " ticks of " + produced + " in " + feed.windows() + " 1-minute windows");
                }
                Thread.sleep(100);
            }
        }
    }

    /** Live ticks offered at a fixed rate to one engine; every tick of the measured seconds counted. */
    private Latency latency(String engine) throws Exception {
        String id = "kpi-peer-live-" + engine + "-" + id();
        String topic = id + "-ticks";
        String output = id + "-kpis";
        TickBacklog.createTopics(endpoints.bootstrap(), options.intValue("kpi.partitions"), topic, output, id + "-dlq");
        TickLedger ledger = new TickLedger();
        Map<String, Visibility> seenVia = new LinkedHashMap<>();
        seenVia.put("committed output", new Visibility(ledger));
        boolean ours = !engine.equals(SPARK);
        List<AutoCloseable> running = new ArrayList<>();
        Runnable alive;
        try {
            if (ours) {
                StreamsAppProcess app = StreamsAppProcess.start(options.get("kpi.streams-classpath"), options.get("heap"),
                        options.get("jvm-options"), streamsConfig(engine, id, topic, output), workDir);
                running.add(app);
                app.awaitQueries(TickBacklog.symbolName(0), Duration.ofSeconds(180));
                seenVia.put("IQ", new Visibility(ledger));
                running.add(new IqPoller(app.allKpisRequest(), seenVia.get("IQ")));
                alive = app::ensureAlive;
            } else {
                SparkPeerProcess spark = startSpark(topic, output, options.get("kpi.spark-trigger-ms"));
                running.add(spark);
                alive = spark::ensureAlive;
            }
            KpiOutputFeed feed = new KpiOutputFeed(endpoints.bootstrap(), output, ours
                    ? KpiOutputFeed.windowKpis(endpoints.registry()) : KpiOutputFeed::sparkJson,
                    seenVia.get("committed output"));
            running.add(feed);
            List<String> symbols = IntStream.range(0, options.intValue("kpi.symbols")).mapToObj(TickBacklog::symbolName)
                    .toList();
            try (OpenLoopProducer producer = new OpenLoopProducer(endpoints.bootstrap(), endpoints.registry(), topic,
                    symbols, ledger)) {
                long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                long startMillis = System.currentTimeMillis() + 1_000;
                AtomicLong end = new AtomicLong(Long.MAX_VALUE);
                CompletableFuture<OpenLoopProducer.Offered> sending = CompletableFuture.supplyAsync(
                        () -> producer.offer(options.intValue("kpi.rate"), start, startMillis, end));
                Visibility committed = seenVia.get("committed output");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
                while (committed.seen() == 0) {
                    alive.run();
                    feed.check();
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("no KPI in the " + engine + " engine's output 180 s after the"
                                + " live ticks started");
                    }
                    Thread.sleep(50);
                }
                // a benchmark's timed phase: warm-up after the first output, then the measured window
                Thread progress = BacklogProgress.start(System.err, "kpis: " + engine + " ", ledger, seenVia);
                Thread.sleep(TimeUnit.SECONDS.toMillis(options.longValue("kpi.warmup-seconds")));
                long backlogAtStart = committed.unseen();
                long from = System.nanoTime();
                long until = from + TimeUnit.SECONDS.toNanos(options.longValue("kpi.seconds"));
                seenVia.values().forEach(v -> v.measure(from, until));
                int mark = load.mark();
                end.set(until);
                sending.join();
                double loadAverage = load.medianSince(mark);
                long drainDeadline = System.nanoTime() + DRAIN.toNanos();
                while (System.nanoTime() < drainDeadline && seenVia.values().stream().anyMatch(v -> v.unseen() > 0)) {
                    alive.run();
                    Thread.sleep(100);
                }
                progress.interrupt();
                Map<String, Histogram> histograms = new LinkedHashMap<>();
                Map<String, Long> unseen = new LinkedHashMap<>();
                seenVia.forEach((way, v) -> {
                    histograms.put(way, v.histogram());
                    unseen.put(way, v.unseen());
                });
                return new Latency(histograms, unseen, loadAverage, backlogAtStart);
            }
        } finally {
            for (int i = running.size() - 1; i >= 0; i--) {
                running.get(i).close();
            }
        }
    }

    private Map<String, String> streamsConfig(String engine, String applicationId, String topic, String output) {
        Map<String, String> config = new HashMap<>();
        config.put("bootstrap.servers", endpoints.bootstrap());
        config.put("schema.registry.url", endpoints.registry());
        config.put("application.id", applicationId);
        config.put("ticklake.topic.ticks", topic);
        config.put("ticklake.topic.kpis", output);
        config.put("ticklake.topic.dlq", applicationId + "-dlq");
        config.put("state.dir", workDir.resolve("state-" + applicationId).toString());
        config.put("num.stream.threads", options.get("kpi.streams-threads"));
        config.put("replication.factor", "1");
        if (engine.equals(STREAMS)) {
            config.put("ticklake.windows.rollups", ""); // the peer's work: 1-minute windows only
        }
        config.putAll(options.streamsConf());
        return config;
    }

    private void report(Map<String, List<Throughput>> throughput, Map<String, List<Latency>> latency, long produced,
            int runs) {
        String rate = String.format(Locale.ROOT, "%,d", options.intValue("kpi.rate"));
        String medianOf = runs > 1 ? "median of " + runs + " runs; " : "";
        String jvm = "own JVM, -Xmx" + options.get("heap") + " " + options.get("jvm-options");
        for (String engine : throughput.keySet()) {
            boolean ours = !engine.equals(SPARK);
            String name = switch (engine) {
                case STREAMS -> "kpis, Kafka Streams (ours, 1m windows)";
                case STREAMS_SHIPPED -> "kpis, Kafka Streams (ours, shipped windows 1m+5m+15m+1h)";
                default -> "kpis, Spark Structured Streaming (peer, 1m windows)";
            };
            String setup = ours ? "streams-app runner, exactly_once_v2, commit interval 1 s, "
                    + options.get("kpi.streams-threads") + " stream thread(s), output to a topic; " + jvm
                    : "local[*], watermark " + options.get("kpi.spark-watermark") + ", update mode, Kafka sink; " + jvm;
            List<Throughput> t = throughput.get(engine);
            String backlog = String.format(Locale.ROOT, "%,d ticks backlog", produced);
            table.add(name + ": throughput, whole backlog incl. start-up", median(t, Throughput::whole), "ticks/s", "",
                    median(t, Throughput::load), medianOf + backlog + "; " + setup + "; from JVM launch");
            table.add(name + ": throughput, sustained", median(t, Throughput::sustained), "ticks/s",
                    "", median(t, Throughput::load), medianOf + (ours ? "10%..90% of committed offsets"
                            : "rows / micro-batch durations (the first left out from 3 batches on)"));
            List<Latency> l = latency.get(engine);
            if (l == null) {
                continue;
            }
            for (String way : l.get(0).histograms().keySet()) {
                String how = way.equals("IQ") ? "query endpoint over HTTP, polled 5 ms apart"
                        : ours ? "read_committed consumer of the KPI topic" : "consumer of the Kafka sink's topic, trigger "
                                + options.get("kpi.spark-trigger-ms") + " ms";
                long unseen = l.stream().mapToLong(x -> x.unseen().get(way)).max().orElse(0);
                String note = String.format(Locale.ROOT, "%sopen loop, every tick of %s s counted (%,.0f per run), %s;"
                        + " after %s s of warm-up, %,.0f ticks not yet in the output%s", medianOf, options.get("kpi.seconds"),
                        median(l, x -> x.histograms().get(way).getTotalCount()), how, options.get("kpi.warmup-seconds"),
                        median(l, Latency::backlogAtStart), unseen > 0 ? "; " + unseen + " ticks never seen within " + DRAIN.toSeconds() + " s" : "");
                String metric = name + ": tick -> KPI visible via " + way + ", ";
                for (double percentile : new double[] {50, 99}) {
                    table.add(metric + "p" + (int) percentile + " at " + rate + " ticks/s",
                            median(l, x -> x.histograms().get(way).getValueAtPercentile(percentile) / 1e3), "ms", "",
                            median(l, Latency::load), note);
                }
                table.add(metric + "max at " + rate + " ticks/s", median(l, x -> x.histograms().get(way).getMaxValue() / 1e3),
                        "ms", "", median(l, Latency::load), note);
            }
        }
    }

    private static <T> double median(List<T> values, ToDoubleFunction<T> metric) {
        return Stats.median(values.stream().mapToDouble(metric).toArray());
    }

    private static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
