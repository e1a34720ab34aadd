package io.ticklake.e2e.connect;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticklake.e2e.kafka.Topics;
import io.ticklake.infra.launch.ConnectorTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The lake sink connector, managed through Connect's REST API as connect-sink/README.md shows: the
 * shipped {@code config/stock-ticks-sink.json} with its {@code ${VARIABLE}} placeholders filled in
 * by the launcher's {@code ConnectorTemplate}, as {@code ./ticklake run} fills them, plus the test's own overrides.
 */
public final class SinkConnector {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String connectUrl;
    private final String name;

    private SinkConnector(String connectUrl, String name) {
        this.connectUrl = connectUrl;
        this.name = name;
    }

    /**
     * Creates (or updates) connector {@code name} from the shipped template.
     *
     * @param variables values of the template's placeholders (an unknown placeholder fails)
     * @param overrides keys set on top of the template
     */
    public static SinkConnector create(String connectUrl, String name, Path template, Map<String, String> variables,
                                       Map<String, String> overrides) {
        Map<String, String> config = new LinkedHashMap<>(ConnectorTemplate.fill(template, variables));
        config.putAll(overrides);
        SinkConnector connector = new SinkConnector(connectUrl, name);
        HttpResponse<String> response = connector.send("PUT", "/connectors/" + name + "/config",
                ConnectorTemplate.toJson(config));
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new IllegalStateException("Connect refused connector " + name + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
        return connector;
    }

    /** A connector that exists already (e.g. one the launcher created), managed through {@code connectUrl}. */
    public static SinkConnector existing(String connectUrl, String name) {
        return new SinkConnector(connectUrl, name);
    }

    /**
     * The sink of {@code topics.ticks()} into a lake on the local filesystem, with the shipped settings
     * except: dead letters to {@code topics.dlq()}, {@code tasks} tasks, and a partition's files closed
     * 5 s after its last tick instead of 60 s (the tests send their ticks in bursts).
     */
    public static SinkConnector createForLocalLake(String connectUrl, String name, Path template, String lakeUri,
                                                   String registryUrl, Path connectSecrets, Topics topics, int tasks) {
        return createForLocalLake(connectUrl, name, template, lakeUri, registryUrl, connectSecrets, topics, tasks,
                Map.of());
    }

    /** The same with further connector keys, e.g. the {@code schema.registry.ssl.*} of an HTTPS registry. */
    public static SinkConnector createForLocalLake(String connectUrl, String name, Path template, String lakeUri,
                                                   String registryUrl, Path connectSecrets, Topics topics, int tasks,
                                                   Map<String, String> extra) {
        Map<String, String> overrides = new HashMap<>(extra);
        overrides.putAll(Map.of("topics", topics.ticks(), "errors.deadletterqueue.topic.name", topics.dlq(),
                "tasks.max", Integer.toString(tasks), "rotate.idle.ms", "5000"));
        return create(connectUrl, name, template,
                Map.of("TICKLAKE_LAKE_URI", lakeUri, "TICKLAKE_S3_ENDPOINT", "", "TICKLAKE_S3_REGION", "us-east-1",
                        "TICKLAKE_CONNECT_SECRETS", connectSecrets.toString(),
                        "TICKLAKE_SCHEMA_REGISTRY_URL", registryUrl),
                overrides);
    }

    /**
     * The sink of {@code topics.ticks()} into a lake on S3 (MinIO), {@code lakeUri} like {@code s3a://bucket},
     * with the shipped settings except dead letters to {@code topics.dlq()}, {@code tasks} tasks, and the
     * given further {@code overrides} (rotation, flush size).
     */
    public static SinkConnector createForS3Lake(String connectUrl, String name, Path template, String lakeUri,
                                                String s3Endpoint, String region, String registryUrl,
                                                Path connectSecrets, Topics topics, int tasks,
                                                Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(overrides);
        all.putAll(Map.of("topics", topics.ticks(), "errors.deadletterqueue.topic.name", topics.dlq(),
                "tasks.max", Integer.toString(tasks)));
        return create(connectUrl, name, template,
                Map.of("TICKLAKE_LAKE_URI", lakeUri, "TICKLAKE_S3_ENDPOINT", s3Endpoint, "TICKLAKE_S3_REGION", region,
                        "TICKLAKE_CONNECT_SECRETS", connectSecrets.toString(),
                        "TICKLAKE_SCHEMA_REGISTRY_URL", registryUrl),
                all);
    }

    public String name() {
        return name;
    }

    /** The connector's status document: connector and task states with their worker ids. */
    public JsonNode status() {
        HttpResponse<String> response = send("GET", "/connectors/" + name + "/status", null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status of " + name + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the connector and {@code tasks} tasks run; a FAILED state fails at once with its trace. */
    public void awaitRunning(int tasks, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).ignoreException(IllegalStateException.class)
                .until(() -> {
                    JsonNode status = status();
                    failOnFailure(status);
                    if (!"RUNNING".equals(status.path("connector").path("state").asText())
                            || status.path("tasks").size() != tasks) {
                        return false;
                    }
                    for (JsonNode task : status.path("tasks")) {
                        if (!"RUNNING".equals(task.path("state").asText())) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /** The worker ids ({@code host:port}) running this connector's tasks now. */
    public Set<String> taskWorkers() {
        Set<String> workers = new HashSet<>();
        for (JsonNode task : status().path("tasks")) {
            workers.add(task.path("worker_id").asText());
        }
        return workers;
    }

    /** The connector's and its tasks' states that are not RUNNING (PAUSED, FAILED, UNASSIGNED), one line each. */
    public List<String> notRunning() {
        JsonNode status = status();
        List<String> states = new ArrayList<>();
        if (!"RUNNING".equals(status.path("connector").path("state").asText())) {
            states.add("connector " + status.path("connector").path("state").asText());
        }
        for (JsonNode task : status.path("tasks")) {
            if (!"RUNNING".equals(task.path("state").asText())) {
                // the first line, and the root cause (the trace's last "Caused by")
                List<String> trace = task.path("trace").asText().lines().toList();
                String cause = trace.stream().filter(l -> l.startsWith("Caused by")).reduce((a, b) -> b).orElse("");
                states.add("task " + task.path("id").asText() + " " + task.path("state").asText() + " "
                        + (trace.isEmpty() ? "" : trace.get(0)) + " " + cause);
            }
        }
        return states;
    }

    /** Deletes the connector (its files stay in the lake). */
    public void delete() {
        send("DELETE", "/connectors/" + name, null);
    }

    private static void failOnFailure(JsonNode status) {
        if ("FAILED".equals(status.path("connector").path("state").asText())) {
            throw new AssertionError("connector failed: " + status.path("connector").path("trace").asText());
        }
        for (JsonNode task : status.path("tasks")) {
            if ("FAILED".equals(task.path("state").asText())) {
                throw new AssertionError("task " + task.path("id").asText() + " failed: "
                        + task.path("trace").asText());
            }
        }
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(connectUrl + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Connect at " + connectUrl + " did not answer " + method + " " + path
                    + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
