package io.ticklake.bench.latency;

import io.ticklake.bench.openloop.BacklogProgress;
import io.ticklake.bench.openloop.IqPoller;
import io.ticklake.bench.openloop.OpenLoopProducer;
import io.ticklake.bench.openloop.TickLedger;
import io.ticklake.bench.openloop.Visibility;

import io.ticklake.infra.Platform;
import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.PlatformListener;
import io.ticklake.infra.bench.BenchRow;
import io.ticklake.infra.bench.Machine;
import io.ticklake.infra.bench.RowWriter;
import io.ticklake.infra.launch.Launcher;
import io.ticklake.infra.launch.RunSettings;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * Open-loop latency of the shipped platform: {@link Launcher} starts exactly what {@code ./ticklake run}
 * starts (its dashboard-api with the streams topology and its default configuration, the sink connector,
 * on a fresh home and free ports; no simulator, no Airflow), then ticks are offered at a fixed rate: a
 * warm-up until the fresh platform keeps up (reported as its own row), then a measured interval in
 * which every tick's time from its due send time until it is
 * visible is recorded: through interactive queries (REST), in any WebSocket frame, and in a confirmed
 * (committed) frame. Then REST {@code GET /api/kpis/{symbol}} at a fixed arrival rate, open loop.
 *
 * <p>With {@code rules=N}, N alert rules are created through the REST API before the ticks are offered: per
 * symbol one that fires at every crossing of 100 (the price's start, which its random walk keeps crossing), the
 * rest mixed kinds that seldom fire; every alert's latency from its tick's due time to its first WebSocket frame
 * (provisional or confirmed, each alert counted once by its identity) is recorded, the headline alert row, and
 * to its confirmed (committed) frame ({@link AlertLatency}). Running with {@code rules=0} and {@code rules=1000}
 * compares the cost.
 *
 * <pre>
 * bench/bin/bench latency [rate=10000] [seconds=60] [warmup=15] [max-warmup=120] [symbols=20] [rest-rate=2000]
 *                         [rest-seconds=30] [rules=0]
 * </pre>
 */
public final class ShippedLatencyBenchmark {

    private static final String HARNESS = "latency";
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private ShippedLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int rate = Integer.parseInt(options.getOrDefault("rate", "10000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "15"));
        int maxWarmup = Integer.parseInt(options.getOrDefault("max-warmup", "120"));
        int symbolCount = Integer.parseInt(options.getOrDefault("symbols", "20"));
        int restRate = Integer.parseInt(options.getOrDefault("rest-rate", "2000"));
        int restSeconds = Integer.parseInt(options.getOrDefault("rest-seconds", "30"));
        int ruleCount = Integer.parseInt(options.getOrDefault("rules", "0"));
        Path repo = Path.of(options.getOrDefault("repo", System.getenv().getOrDefault("TICKLAKE_REPO", "."))).toAbsolutePath();
        RowWriter rows = new RowWriter(Path.of(options.getOrDefault("out", "target/bench-results/latency.jsonl")));

        Path home = Files.createTempDirectory("ticklake-bench-latency");
        PlatformConfig config = PlatformConfig.builder().applyEnvironment(Map.of()).home(home)
                .kafkaPort(0).controllerPort(0).registryPort(0).connectPort(0).minioPort(0).minioConsolePort(0)
                .connectPluginPath(repo.resolve("connect-sink/target/plugin").toString()).build();
        Platform platform = new Platform(config);
        RunSettings settings = new RunSettings(repo, false, "", 1, Optional.empty(), 0, Optional.empty(), false,
                Duration.ofHours(1), false, freePort());
        try (Launcher launcher = new Launcher(platform, settings, System.out)) {
            launcher.start(new PlatformListener() { });
            String token = launcher.dashboardCredentials().get("TICKLAKE_SECURITY_VIEWER_TOKEN");
            List<String> symbols = new ArrayList<>();
            for (int i = 0; i < symbolCount; i++) {
                symbols.add(String.format(Locale.ROOT, "LAT%02d", i));
            }
            TickLedger ledger = new TickLedger();
            Visibility iq = new Visibility(ledger);
            Visibility anyFrame = new Visibility(ledger);
            Visibility confirmed = new Visibility(ledger);
            AlertLatency alerts = new AlertLatency();
            AlertLatency confirmedAlerts = new AlertLatency();
            if (ruleCount > 0) {
                new AlertRuleLoad(launcher.dashboardUrl(), launcher.dashboardCredentials()
                        .get("TICKLAKE_SECURITY_ADMIN_TOKEN")).create(ruleCount, symbols);
            }
            try (PushClient push = new PushClient(anyFrame, confirmed, alerts, confirmedAlerts);
                 OpenLoopProducer producer = new OpenLoopProducer(platform.kafka().bootstrapServers(),
                         platform.registry().schemaRegistryUrl(), "stock-ticks", symbols, ledger)) {
                push.connect(launcher.dashboardUrl(), token);
                try (IqPoller poller = IqPoller.dashboard(launcher.dashboardUrl(), token, iq)) {
                    long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                    long startMillis = System.currentTimeMillis() + 1_000;
                    AtomicLong end = new AtomicLong(Long.MAX_VALUE);
                    alerts.start(start, startMillis);
                    confirmedAlerts.start(start, startMillis);
                    System.out.printf(Locale.ROOT, "offering %d ticks/s of %d symbols: warm-up until the platform keeps"
                            + " up (at least %d s, at most %d s), then %d s measured%n", rate, symbolCount, warmup,
                            maxWarmup, seconds);
                    Thread progress = BacklogProgress.start(System.out, "", ledger, seenVia(iq, anyFrame));
                    CompletableFuture<OpenLoopProducer.Offered> sending = CompletableFuture.supplyAsync(
                            () -> producer.offer(rate, start, startMillis, end));
                    long from = awaitKeepingUp(ledger, iq, rate, start, warmup, maxWarmup);
                    long until = from + TimeUnit.SECONDS.toNanos(seconds);
                    for (Visibility visibility : List.of(iq, anyFrame, confirmed)) {
                        visibility.measure(from, until);
                    }
                    alerts.measure(from, until);
                    confirmedAlerts.measure(from, until);
                    end.set(until);
                    OpenLoopProducer.Offered offered = sending.join();
                    double warmedUp = (from - start) / 1e9;
                    double achieved = offered.ticks() / ((offered.flushedNanos() - start) / 1e9);
                    awaitSeen(List.of(iq, anyFrame, confirmed));
                    progress.interrupt();
                    double load = Machine.loadAverage();
                    String machine = Machine.describe();
                    String at = String.format(Locale.ROOT, "open loop, %,d ticks/s offered, %d symbols, %d alert rules",
                            rate, symbolCount, ruleCount);
                    rows.write(latencyRow("shipped: tick -> visible via IQ (GET /api/kpis), " + at, iq, "≤ 50", 50.0,
                            load, machine));
                    rows.write(latencyRow("shipped: tick -> WebSocket frame, every tick counted, " + at, anyFrame,
                            "≤ 100", 100.0, load, machine));
                    rows.write(latencyRow("shipped: tick -> confirmed WebSocket frame (committed output), " + at,
                            confirmed, "", null, load, machine));
                    if (ruleCount > 0) {
                        rows.write(alertRow("shipped: tick -> first alert WebSocket frame (provisional or confirmed),"
                                + " each alert counted once, " + at, alerts, "≤ 100", 100.0, load, machine));
                        rows.write(alertRow("shipped: tick -> confirmed alert WebSocket frame (committed), each alert"
                                + " counted once, " + at, confirmedAlerts, "", null, load, machine));
                    }
                    rows.write(new BenchRow(HARNESS, "shipped: ticks sent per second, until the producer flushed (" + at
                            + ")", achieved, "ticks/s", "", null, null, null, null, offered.ticks(), load, machine));
                    rows.write(new BenchRow(HARNESS, "shipped: time from a fresh start until it keeps up with " + at
                            + " (backlog under 0.5 s of ticks" + (warmedUp >= maxWarmup ? "; it never did, measured anyway" : "")
                            + ")", warmedUp, "s", "", null, null, null, null, null, load, machine));
                    System.out.printf(Locale.ROOT, "IQ requests failed: %d; WebSocket frames: %d%n", poller.failures(),
                            push.frames());
                }
                // REST at a fixed arrival rate, on the state the run left (120 one-minute windows per answer at most)
                List<java.net.URI> urls = symbols.stream()
                        .map(symbol -> java.net.URI.create(launcher.dashboardUrl() + "/api/kpis/" + symbol)).toList();
                FixedRateRequests.Outcome rest = new FixedRateRequests(token).run(urls, restRate,
                        Duration.ofSeconds(restSeconds));
                Histogram micros = rest.micros();
                double p99 = micros.getValueAtPercentile(99) / 1000.0;
                String metric = String.format(Locale.ROOT, "shipped: REST GET /api/kpis/{symbol}, open loop, %,d req/s"
                        + " offered for %d s", restRate, restSeconds)
                        + (rest.errors() > 0 ? " (" + rest.errors() + " of " + rest.sent() + " failed: " + rest.errorKinds()
                        + ")" : "");
                rows.write(new BenchRow(HARNESS, metric, p99, "ms", "≤ 10", rest.errors() == 0 && p99 <= 10,
                        micros.getValueAtPercentile(50) / 1000.0, p99, micros.getMaxValue() / 1000.0,
                        micros.getTotalCount(), Machine.loadAverage(), Machine.describe()));
            }
        }
    }

    private static BenchRow latencyRow(String metric, Visibility visibility, String target, Double limit, double load,
                                       String machine) {
        Histogram histogram = visibility.histogram();
        long unseen = visibility.unseen();
        double p50 = histogram.getValueAtPercentile(50) / 1000.0;
        double p99 = histogram.getValueAtPercentile(99) / 1000.0;
        double max = histogram.getMaxValue() / 1000.0;
        if (unseen > 0) {
            metric += " (" + unseen + " ticks never seen within " + DRAIN.toSeconds() + " s)";
        }
        Boolean met = limit == null ? null : unseen == 0 && p99 <= limit;
        return new BenchRow(HARNESS, metric, p99, "ms", target, met, p50, p99, max, histogram.getTotalCount(), load,
                machine);
    }

    /** A row of alert latencies; met when some alert was measured and its p99 is within {@code limit}. */
    private static BenchRow alertRow(String metric, AlertLatency alerts, String target, Double limit, double load,
                                     String machine) {
        Histogram histogram = alerts.histogram();
        double p99 = histogram.getValueAtPercentile(99) / 1000.0;
        Boolean met = limit == null ? null : histogram.getTotalCount() > 0 && p99 <= limit;
        return new BenchRow(HARNESS, metric, p99, "ms", target, met, histogram.getValueAtPercentile(50) / 1000.0, p99,
                histogram.getMaxValue() / 1000.0, histogram.getTotalCount(), load, machine);
    }

    /**
     * Waits until IQ shows all but half a second of the offered ticks, three checks in a row (the
     * platform keeps up), and at least {@code minSeconds} (JIT); at most {@code maxSeconds}. Returns when.
     */
    private static long awaitKeepingUp(TickLedger ledger, Visibility iq, int rate, long start, int minSeconds,
                                       int maxSeconds) throws InterruptedException {
        long earliest = start + TimeUnit.SECONDS.toNanos(minSeconds);
        long latest = start + TimeUnit.SECONDS.toNanos(maxSeconds);
        int inARow = 0;
        while (System.nanoTime() < latest) {
            Thread.sleep(500);
            long backlog = ledger.offeredTotal() - iq.seen();
            inARow = backlog <= rate / 2 ? inARow + 1 : 0;
            if (inARow >= 3 && System.nanoTime() >= earliest) {
                break;
            }
        }
        return System.nanoTime();
    }

    private static Map<String, Visibility> seenVia(Visibility iq, Visibility push) {
        Map<String, Visibility> seenVia = new LinkedHashMap<>();
        seenVia.put("IQ", iq);
        seenVia.put("WebSocket", push);
        return seenVia;
    }

    private static void awaitSeen(List<Visibility> visibilities) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (System.nanoTime() < deadline && visibilities.stream().anyMatch(v -> v.unseen() > 0)) {
            Thread.sleep(100);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("arguments are key=value, got '" + arg + "'");
            }
            options.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        return options;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
