package io.ticklake.dashboard.bench;

import io.ticklake.dashboard.testing.DashboardItConfig;
import io.ticklake.dashboard.testing.TestCredentials;
import io.ticklake.infra.testing.TestPlatform;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Not a test: measures the dashboard as users meet it, on the real local platform, with the packaged
 * {@code target/dashboard-api.jar} running as its own process.
 *
 * <ol>
 *   <li>REST: {@code GET /api/kpis/{symbol}} (the default range: 120 one-minute windows) at about
 *       {@code --rest-rate} requests/s from {@code wrk} (a second process), latency p50/p99.</li>
 *   <li>Push: {@code --ticks-per-second} ticks produced for {@code --push-seconds}; a WebSocket client
 *       subscribed to every symbol's 1m KPIs takes, for each update, the time from its newest tick's
 *       event time (set when the tick is produced) to the frame's arrival, p50/p99.</li>
 * </ol>
 *
 * <pre>
 * ./mvnw -q -pl dashboard-api package -DskipTests
 * ./mvnw -q -Pbench -pl dashboard-api exec:exec [-Dbench.args="--ticks-per-second 10000 --push-seconds 30"]
 * </pre>
 */
public final class DashboardBenchmark {

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Path jar = options.jar().toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: ./mvnw -q -pl dashboard-api package -DskipTests");
        }
        try (TestPlatform platform = TestPlatform.isolated()) {
            String bootstrap = platform.kafkaBootstrapServers();
            String registry = platform.schemaRegistryUrl();
            // the platform creates DESIGN.md's topics (stock-ticks, stock-kpis, stock-ticks-dlq) when the broker starts
            int port = freePort();
            Path log = Path.of("target", "bench-dashboard.log").toAbsolutePath();
            Process dashboard = startDashboard(jar, bootstrap, registry, port, log, options);
            try {
                URI base = URI.create("http://127.0.0.1:" + port);
                awaitReady(base, dashboard, log);
                List<String> symbols = symbols(options.symbols());
                Map<String, String> rows = new LinkedHashMap<>();
                try (BenchTicks ticks = new BenchTicks(bootstrap, registry, "stock-ticks", symbols)) {
                    System.err.printf("seeding %d symbols x 120 minutes%n", symbols.size());
                    ticks.seedHistory(120, 5);
                    awaitHistory(base, symbols.get(symbols.size() - 1));
                    WrkResult rest = new WrkRun(base, symbols, options.restRate(), options.restSeconds()).run();
                    rows.put("REST GET /api/kpis/{symbol}, " + Math.round(rest.requestsPerSecond()) + " req/s ("
                            + rest.connections() + " connections, wrk)", row("p99 <= 10 ms", rest.p50Ms(), rest.p99Ms(),
                            rest.maxMs(), rest.requests() + " requests, " + rest.errors() + " errors"));
                    PushResult push = new PushRun(base, ticks, options.ticksPerSecond(), options.pushSeconds(),
                            options.warmupSeconds()).run();
                    String pushNote = push.frames() + " frames, " + push.dropped() + " dropped";
                    rows.put("WebSocket push tick -> provisional frame, " + Math.round(push.producedPerSecond())
                            + " ticks/s", row("p99 <= 250 ms", push.provisional().p50Ms(), push.provisional().p99Ms(),
                            push.provisional().maxMs(), push.provisional().updates() + " provisional KPI updates; "
                                    + pushNote));
                    rows.put("WebSocket push tick -> confirmed frame (commit interval), "
                            + Math.round(push.producedPerSecond()) + " ticks/s", row("-", push.confirmed().p50Ms(),
                            push.confirmed().p99Ms(), push.confirmed().maxMs(), push.confirmed().updates()
                                    + " confirmed KPI updates"));
                }
                print(rows, options);
            } finally {
                dashboard.destroy();
                if (!dashboard.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    dashboard.destroyForcibly();
                }
            }
        }
    }

    private static Process startDashboard(Path jar, String bootstrap, String registry, int port, Path log,
                                          BenchOptions options) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + options.heap(), "-jar", jar.toString());
        Map<String, String> env = builder.environment();
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        env.put("TICKLAKE_BOOTSTRAP_SERVERS", bootstrap);
        env.put("TICKLAKE_SCHEMA_REGISTRY_URL", registry);
        env.put("TICKLAKE_STREAMS_APPLICATION_ID", "bench-" + UUID.randomUUID().toString().substring(0, 8));
        env.put("TICKLAKE_STREAMS_STATE_DIR", DashboardItConfig.tempDir("bench-state-").toString());
        // the benchmark's clients are programs: the viewer's API token, passed in the environment
        env.put("TICKLAKE_SECURITY_VIEWER_TOKEN", TestCredentials.VIEWER_TOKEN);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        System.err.println("dashboard on port " + port + ", log " + log);
        return builder.start();
    }

    private static void awaitReady(URI base, Process dashboard, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            if (!dashboard.isAlive()) {
                throw new IllegalStateException("the dashboard exited with " + dashboard.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the dashboard was not ready within 180 s; see " + log);
    }

    private static void awaitHistory(URI base, String symbol) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/kpis/" + symbol))
                    .header("Authorization", "Bearer " + TestCredentials.VIEWER_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 200 && response.body().split("\"window_start\"").length > 110) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the seeded history did not show up within 180 s");
    }

    private static List<String> symbols(int count) {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            symbols.add(String.format(Locale.ROOT, "SYM%03d", i));
        }
        return symbols;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String row(String target, double p50, double p99, double max, String volume) {
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %s |", target, p50, p99, max, volume);
    }

    private static void print(Map<String, String> rows, BenchOptions options) {
        System.out.printf("%ndashboard-api benchmark (%d cores, heap %s, %d symbols)%n%n",
                Runtime.getRuntime().availableProcessors(), options.heap(), options.symbols());
        System.out.println("| measure | target | p50 ms | p99 ms | max ms | volume |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach((measure, row) -> System.out.println("| " + measure + " " + row));
    }
}
