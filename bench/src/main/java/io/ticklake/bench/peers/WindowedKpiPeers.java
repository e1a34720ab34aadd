package io.ticklake.bench.peers;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;

/**
 * Windowed KPIs, side by side on the same broker in the same run: our Kafka Streams app (streams-app's
 * runner in its own JVM) and a Spark Structured Streaming windowed aggregation ({@link SparkWindowedKpis}).
 *
 * <ol>
 *   <li>Throughput: ONE pre-loaded topic (streams-app KpiBenchmark's shape); each engine consumes all of it
 *       from the start, engines taking turns per round. Whole backlog = ticks / (start → all processed);
 *       sustained = Streams: 10%→90% of the committed offsets (as KpiBenchmark), Spark: the micro-batches after
 *       the first. Spark's result is checked: the windows' final trade counts add up to the backlog.</li>
 *   <li>Latency: ticks produced live at a fixed rate into a fresh topic per engine and round; send → KPI
 *       showing the tick, by the same {@link LatencyProbes} for both (Streams through its query endpoint,
 *       Spark through the batch output).</li>
 * </ol>
 */
final class WindowedKpiPeers extends PeerComparison {

    static final String STREAMS = "streams";
    static final String SPARK = "spark";

    /** One throughput run. */
    private record Throughput(double whole, double sustained, double load) {
    }

    /** One latency run. */
    private record Latency(double p50, double p99, double max, int probes, int unresolved, long sent, double load,
                           double readP50) {
    }

    WindowedKpiPeers(PeerOptions options, BenchEndpoints endpoints, Supplier<SparkSession> spark, Path workDir,
            ResultTable table, LoadSampler load) {
        super(options, endpoints, spark, workDir, table, load);
    }

    @Override
    void run() throws Exception {
        List<String> engines = options.list("kpi.engines", STREAMS, SPARK);
        if (engines.contains(STREAMS) && !options.has("kpi.streams-classpath")) {
            throw new IllegalArgumentException("option 'kpi.streams-classpath' is needed for the streams engine"
                    + " (bench/bin/bench peers sets it)");
        }
        int runs = options.intValue("runs");
        String topic = "kpi-peer-backlog-" + id();
        TickBacklog.createTopics(endpoints.bootstrap(), options.intValue("kpi.partitions"), topic, topic + "-kpis",
                topic + "-dlq");
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
                        : streamsThroughput(topic, produced);
                System.err.printf(Locale.ROOT, "kpis: round %d %s throughput: whole %,.0f ticks/s, sustained %,.0f ticks/s"
                        + " (load %.1f)%n", run, engine, result.whole(), result.sustained(), result.load());
                throughput.computeIfAbsent(engine, e -> new ArrayList<>()).add(result);
            }
        }
        for (int run = 1; run <= runs; run++) {
            for (String engine : engines) {
                Latency result = engine.equals(SPARK) ? sparkLatency() : streamsLatency();
                System.err.printf(Locale.ROOT, "kpis: round %d %s latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d probes,"
                        + " reading the answer p50 %.2f ms (load %.1f)%n", run, engine, result.p50(), result.p99(),
                        result.max(), result.probes(), result.readP50(), result.load());
                latency.computeIfAbsent(engine, e -> new ArrayList<>()).add(result);
            }
        }
        report(throughput, latency, produced, runs);
    }

    private Throughput streamsThroughput(String topic, long produced) throws Exception {
        String applicationId = "kpi-peer-streams-" + id();
        int mark = load.mark();
        long started = System.nanoTime();
        try (StreamsAppProcess app = StreamsAppProcess.start(options.get("kpi.streams-classpath"),
                options.get("kpi.streams-heap"), options.get("kpi.streams-jvm-options"), streamsConfig(applicationId, topic), workDir);
             ConsumerGroupProgress progress = new ConsumerGroupProgress(endpoints.bootstrap())) {
            long at10 = 0;
            long at90 = 0;
            long last = -1;
            long lastChange = started;
            while (true) {
                app.ensureAlive();
                long committed = progress.committed(applicationId, topic);
                long now = System.nanoTime();
                if (committed != last) {
                    last = committed;
                    lastChange = now;
                }
                if (at10 == 0 && committed >= produced / 10) {
                    at10 = now;
                }
                if (at90 == 0 && committed >= produced * 9 / 10) {
                    at90 = now;
                }
                if (committed >= produced) {
                    return new Throughput(produced / ((now - started) / 1e9), produced * 0.8 / ((at90 - at10) / 1e9),
                            load.medianSince(mark));
                }
                if (now - lastChange > TimeUnit.SECONDS.toNanos(120)) {
                    throw new IllegalStateException("the streams app made no progress for 120 s at " + committed
                            + " of " + produced + " ticks");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    private Throughput sparkThroughput(String topic, long produced) throws Exception {
        SparkSession session = spark.get();
        KpiBoard board = new KpiBoard();
        Long cap = options.has("kpi.spark-max-offsets-per-trigger")
                ? options.longValue("kpi.spark-max-offsets-per-trigger") : null;
        int mark = load.mark();
        long started = System.nanoTime();
        StreamingQuery query = SparkWindowedKpis.start(session, endpoints.bootstrap(), endpoints.registry(), topic,
                "earliest", options.get("kpi.spark-watermark"), Trigger.AvailableNow(), cap, checkpoint(), board);
        query.awaitTermination();
        double seconds = (System.nanoTime() - started) / 1e9;
        double loadAverage = load.medianSince(mark);
        if (board.ticksAggregated() != produced) {
            throw new IllegalStateException("the Spark peer aggregated " + board.ticksAggregated() + " ticks of "
                    + produced + " (" + board.windows() + " windows)");
        }
        // sustained: rows over the micro-batches' own durations (query start-up excluded); the first batch
        // (code generation, first state store) is left out when there are enough others
        List<StreamingQueryProgress> batches = Arrays.stream(query.recentProgress())
                .filter(batch -> batch.numInputRows() > 0).toList();
        List<StreamingQueryProgress> counted = batches.size() >= 3 ? batches.subList(1, batches.size()) : batches;
        long rows = counted.stream().mapToLong(StreamingQueryProgress::numInputRows).sum();
        long millis = counted.stream().mapToLong(StreamingQueryProgress::batchDuration).sum();
        return new Throughput(produced / seconds, millis == 0 ? Double.NaN : rows / (millis / 1e3), loadAverage);
    }

    private Latency streamsLatency() throws Exception {
        String topic = "kpi-peer-live-" + id();
        TickBacklog.createTopics(endpoints.bootstrap(), options.intValue("kpi.partitions"), topic, topic + "-kpis",
                topic + "-dlq");
        try (StreamsAppProcess app = StreamsAppProcess.start(options.get("kpi.streams-classpath"),
                options.get("kpi.streams-heap"), options.get("kpi.streams-jvm-options"), streamsConfig("kpi-peer-streams-" + id(), topic), workDir)) {
            app.awaitQueries(TickBacklog.symbolName(0), Duration.ofSeconds(180));
            return measureLatency(app, topic, app::ensureAlive);
        }
    }

    private Latency sparkLatency() throws Exception {
        String topic = "kpi-peer-live-" + id();
        TickBacklog.createTopics(endpoints.bootstrap(), options.intValue("kpi.partitions"), topic);
        KpiBoard board = new KpiBoard();
        long triggerMs = options.longValue("kpi.spark-trigger-ms");
        StreamingQuery query = SparkWindowedKpis.start(spark.get(), endpoints.bootstrap(), endpoints.registry(), topic,
                "latest", options.get("kpi.spark-watermark"), Trigger.ProcessingTime(triggerMs), null, checkpoint(),
                board);
        try {
            return measureLatency(board, topic, () -> {
                if (query.exception().isDefined()) {
                    throw new IllegalStateException("the Spark query failed", query.exception().get());
                }
            });
        } finally {
            query.stop();
        }
    }

    /** Live load into {@code topic}, warm-up until the engine shows KPIs and a while longer, then measured. */
    private Latency measureLatency(KpiVisibility engine, String topic, Runnable healthCheck) throws Exception {
        int rate = options.intValue("kpi.rate");
        LatencyProbes probes = new LatencyProbes(engine, options.intValue("kpi.probes-per-second"),
                TimeUnit.MILLISECONDS.toNanos(1));
        LiveTickLoad live = new LiveTickLoad(endpoints.bootstrap(), endpoints.registry(), topic, rate,
                options.intValue("kpi.symbols"), probes);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (engine.lastEventTime(TickBacklog.symbolName(0)) == KpiVisibility.NONE) {
                healthCheck.run();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no KPI visible 180 s after the live ticks started");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
            // a benchmark's timed phases: the warm-up, then the measured window
            Thread.sleep(TimeUnit.SECONDS.toMillis(options.longValue("kpi.warmup-seconds")));
            int mark = load.mark();
            long from = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(options.longValue("kpi.seconds")));
            long to = System.nanoTime();
            healthCheck.run();
            double loadAverage = load.medianSince(mark);
            live.close();
            int unresolved = probes.drain(TimeUnit.SECONDS.toNanos(60));
            double[] millis = probes.latenciesMillis(from, to);
            return new Latency(Stats.percentile(millis, 50), Stats.percentile(millis, 99),
                    millis.length == 0 ? Double.NaN : millis[millis.length - 1], millis.length, unresolved,
                    live.sent(), loadAverage, probes.readMillis()[0]);
        } finally {
            live.close();
            probes.close();
        }
    }

    private Map<String, String> streamsConfig(String applicationId, String topic) {
        Map<String, String> config = new HashMap<>();
        config.put("bootstrap.servers", endpoints.bootstrap());
        config.put("schema.registry.url", endpoints.registry());
        config.put("application.id", applicationId);
        config.put("ticklake.topic.ticks", topic);
        config.put("ticklake.topic.kpis", topic + "-kpis");
        config.put("ticklake.topic.dlq", topic + "-dlq");
        config.put("state.dir", workDir.resolve("state-" + applicationId).toString());
        config.put("num.stream.threads", options.get("kpi.streams-threads"));
        config.put("replication.factor", "1");
        config.putAll(options.streamsConf());
        return config;
    }

    private void report(Map<String, List<Throughput>> throughput, Map<String, List<Latency>> latency, long produced,
            int runs) {
        String rate = String.format(Locale.ROOT, "%,d", options.intValue("kpi.rate"));
        String medianOf = runs > 1 ? "median of " + runs + " runs; " : "";
        for (String engine : throughput.keySet()) {
            boolean ours = engine.equals(STREAMS);
            String name = ours ? "kpis, Kafka Streams (ours)" : "kpis, Spark Structured Streaming (peer)";
            String setup = ours ? "streams-app runner, exactly_once_v2, 1m+5m+15m+1h, " + options.get("kpi.streams-threads")
                    + " stream thread(s)" : "local[*], watermark " + options.get("kpi.spark-watermark") + ", 1m windows, update mode";
            List<Throughput> t = throughput.get(engine);
            String backlog = String.format(Locale.ROOT, "%,d ticks backlog", produced);
            table.add(name + ": throughput, whole backlog incl. start-up", median(t, Throughput::whole), "ticks/s", "",
                    median(t, Throughput::load), medianOf + backlog + "; " + setup + (ours ? "; from JVM launch"
                            : "; from query start, session already up"));
            table.add(name + ": throughput, sustained", median(t, Throughput::sustained), "ticks/s",
                    "", median(t, Throughput::load), medianOf + (ours ? "10%..90% of committed offsets"
                            : "rows / micro-batch durations (the first left out from 3 batches on)"));
            List<Latency> l = latency.get(engine);
            if (l == null) {
                continue;
            }
            String trigger = ours ? "query endpoint over HTTP" : "foreachBatch output, trigger "
                    + options.get("kpi.spark-trigger-ms") + " ms";
            String probes = String.format(Locale.ROOT, "%s%.0f probes/run, %s (read p50 %.2f ms)", medianOf,
                    median(l, x -> x.probes()), trigger, median(l, Latency::readP50));
            table.add(name + ": tick -> KPI visible, p50 at " + rate + " ticks/s", median(l, Latency::p50), "ms", "",
                    median(l, Latency::load), probes);
            table.add(name + ": tick -> KPI visible, p99 at " + rate + " ticks/s", median(l, Latency::p99), "ms",
                    "", median(l, Latency::load), probes);
            table.add(name + ": tick -> KPI visible, max at " + rate + " ticks/s", median(l, Latency::max), "ms", "",
                    median(l, Latency::load), probes + (l.stream().anyMatch(x -> x.unresolved() > 0)
                            ? "; some probes never became visible" : ""));
        }
    }

    private static <T> double median(List<T> values, ToDoubleFunction<T> metric) {
        return Stats.median(values.stream().mapToDouble(metric).toArray());
    }

    private String checkpoint() {
        return workDir.resolve("checkpoint-" + id()).toUri().toString();
    }

    private static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
