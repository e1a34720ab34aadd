package io.ticklake.bench.peers;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Our Kafka Streams application as a user runs it: streams-app's standalone runner
 * ({@code io.ticklake.streams.StreamsApp}, the shipped {@code KpiInstance} host) in its own JVM, with its
 * defaults (exactly_once_v2, 1m windows with 5m/15m/1h rollups and moving averages, update emission, commit
 * every second) unless overridden, and its interactive-query HTTP endpoint on a free loopback port.
 */
final class StreamsAppProcess implements AutoCloseable {

    private final Process process;
    private final String queryBase;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private StreamsAppProcess(Process process, String queryBase, Path log) {
        this.process = process;
        this.queryBase = queryBase;
        this.log = log;
    }

    /**
     * @param classpath streams-app's runtime classpath, or {@code @file} holding it
     * @param config the application's settings (bootstrap, registry, topics, ...); the query endpoint is added
     */
    static StreamsAppProcess start(String classpath, String heap, String jvmOptions, Map<String, String> config,
            Path workDir) throws IOException {
        String cp = classpath.startsWith("@") ? Files.readString(Path.of(classpath.substring(1))).trim() : classpath;
        int port = freePort();
        Map<String, String> settings = new TreeMap<>(config);
        settings.put("application.server", "127.0.0.1:" + port);
        Path log = workDir.resolve(settings.get("application.id") + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap));
        Arrays.stream(jvmOptions.trim().split("\\s+")).filter(o -> !o.isEmpty()).forEach(command::add);
        command.addAll(List.of("-cp", cp, "io.ticklake.streams.StreamsApp"));
        settings.forEach((key, value) -> command.add(key + "=" + value));
        Process process = EngineJvms.start(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()));
        return new StreamsAppProcess(process, "http://127.0.0.1:" + port, log);
    }

    /** Waits until the instance answers queries (not "unavailable"): it is RUNNING and owns its partitions. */
    void awaitQueries(String symbol, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ensureAlive();
            int status = query(symbol).status();
            if (status == 200 || status == 404) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        throw new IllegalStateException("the streams app did not answer queries within " + timeout + "; log " + log);
    }

    /** Every symbol's latest 1-minute KPI, from whichever instance owns it. */
    HttpRequest allKpisRequest() {
        return HttpRequest.newBuilder(URI.create(queryBase + "/kpis/all?window=1m")).timeout(Duration.ofSeconds(10))
                .GET().build();
    }

    /** Fails naming the log when the process has ended. */
    void ensureAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the streams app exited with " + process.exitValue() + "; log " + log);
        }
    }

    @Override
    public void close() throws InterruptedException {
        EngineJvms.stop(process);
    }

    /** An HTTP answer; status 0 when nothing answered. */
    private record Answer(int status, String body) {
    }

    private Answer query(String symbol) {
        return get(URI.create(queryBase + "/kpis/latest?symbol=" + URLEncoder.encode(symbol, StandardCharsets.UTF_8)
                + "&window=1m"));
    }

    private Answer get(URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            // not listening yet, or gone: the caller sees "unavailable"
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, e.toString());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
