package io.ticklake.bench.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticklake.infra.bench.BacklogSpan;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Our Connect sink over the same topic, through the real Connect worker (distributed mode, the plugin from
 * {@code connect-sink/target/plugin}) onto the local file system: the connector is created over REST, and
 * timed from then until the footers of the landed files add up to every tick; the steady state is 10 %..90 %
 * of the rows durable in landed files, looked at every 200 ms. (That is what the sink commits offsets for,
 * but the worker commits them only every {@code offset.flush.interval.ms}, 10 s, too coarse to time by.) The connector's defaults apply
 * except {@code rotate.idle.ms} = 5 s (as connect-sink's EndToEndBenchmark, so the last open files close soon
 * after the backlog is consumed) and {@code consumer.override.max.poll.records} = 2000.
 */
final class ConnectSinkLanding {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String connectUrl;
    private final String registry;
    private final int tasks;
    private final long flushSize;
    private final LoadSampler load;
    private final HttpClient http = HttpClient.newHttpClient();

    ConnectSinkLanding(String connectUrl, String registry, int tasks, long flushSize, LoadSampler load) {
        this.connectUrl = connectUrl;
        this.registry = registry;
        this.tasks = tasks;
        this.flushSize = flushSize;
        this.load = load;
    }

    LandingResult land(String topic, long expected, Path dir, String name) throws Exception {
        Path lake = Files.createDirectories(dir.resolve("lake"));
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "io.ticklake.connect.TickLakeSinkConnector");
        config.put("tasks.max", Integer.toString(tasks));
        config.put("topics", topic);
        config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("lake.uri", lake.toUri().toString());
        config.put("schema.registry.url", registry);
        config.put("flush.size", Long.toString(flushSize));
        config.put("rotate.idle.ms", "5000");
        config.put("consumer.override.max.poll.records", "2000");
        LandedFiles files = new LandedFiles(lake.resolve("raw").resolve("stock_ticks"));
        int mark = load.mark();
        long started = System.nanoTime();
        send("PUT", "/connectors/" + name + "/config", JSON.writeValueAsString(config));
        try {
            long deadline = started + TimeUnit.MINUTES.toNanos(30);
            BacklogSpan span = new BacklogSpan(expected);
            LandedFiles.Summary landed = files.scan();
            while (!span.observe(landed.rows(), System.nanoTime())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the sink landed " + landed.rows() + " of " + expected
                            + " rows in 30 minutes");
                }
                checkTasks(name);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
                landed = files.scan();
            }
            double seconds = (span.at100() - started) / 1e9;
            if (landed.rows() != expected) {
                throw new IllegalStateException("the sink landed " + landed.rows() + " rows of " + expected);
            }
            return new LandingResult(landed.rows(), seconds, span.steadyRate(), landed.files(), landed.hourDirectories(),
                    landed.bytes(), load.medianSince(mark));
        } finally {
            send("DELETE", "/connectors/" + name, null);
        }
    }

    /** Fails with the task's trace when a task failed (a RUNNING or not-yet-assigned task is fine). */
    private void checkTasks(String name) throws Exception {
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(connectUrl + "/connectors/" + name
                + "/status")).build(), HttpResponse.BodyHandlers.ofString());
        if (status.statusCode() != 200) {
            return; // not created yet
        }
        for (JsonNode task : JSON.readTree(status.body()).path("tasks")) {
            if (task.path("state").asText().equals("FAILED")) {
                throw new IllegalStateException("sink task failed: " + task.path("trace").asText());
            }
        }
    }

    private void send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(connectUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
