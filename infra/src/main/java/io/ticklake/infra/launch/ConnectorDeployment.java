package io.ticklake.infra.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ticklake.infra.http.Http;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates or updates a connector through Connect's REST API and waits until the connector and
 * all its tasks run: a PUT is accepted before any task exists, so "created" is not "landing".
 */
final class ConnectorDeployment {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(500);

    private final String connectUrl;
    private final String name;

    ConnectorDeployment(String connectUrl, String name) {
        this.connectUrl = connectUrl;
        this.name = name;
    }

    /** PUT {@code config}; Connect's answer names a bad key, and so does the exception. */
    void apply(Map<String, String> config) {
        Http.Response response = call(() -> Http.DEFAULT.put(connectUrl + "/connectors/" + name + "/config",
                "application/json", ConnectorTemplate.toJson(config)));
        if (!response.isSuccess()) {
            throw new LaunchException("Connect refused connector " + name + " (HTTP " + response.status() + "): "
                    + response.body());
        }
    }

    /**
     * Waits until the connector and {@code tasks} tasks are RUNNING and returns their states as one
     * line; a FAILED connector or task fails at once with the first line of its trace.
     */
    String awaitRunning(int tasks, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no status yet";
        while (System.nanoTime() < deadline) {
            Http.Response response = call(() -> Http.DEFAULT.get(connectUrl + "/connectors/" + name + "/status"));
            if (response.status() == 200) {
                JsonNode status = parse(response.body());
                failOnFailure(status);
                last = summary(status);
                if (allRunning(status, tasks)) {
                    return last;
                }
            }
            sleep();
        }
        throw new LaunchException("connector " + name + " did not run " + tasks + " tasks within " + timeout
                + " (last status: " + last + "); see the Connect log (infra/platform logs connect)");
    }

    private static boolean allRunning(JsonNode status, int tasks) {
        if (!"RUNNING".equals(status.path("connector").path("state").asText()) || status.path("tasks").size() != tasks) {
            return false;
        }
        for (JsonNode task : status.path("tasks")) {
            if (!"RUNNING".equals(task.path("state").asText())) {
                return false;
            }
        }
        return true;
    }

    private void failOnFailure(JsonNode status) {
        if ("FAILED".equals(status.path("connector").path("state").asText())) {
            throw new LaunchException("connector " + name + " FAILED: " + firstLine(status.path("connector")));
        }
        for (JsonNode task : status.path("tasks")) {
            if ("FAILED".equals(task.path("state").asText())) {
                throw new LaunchException("connector " + name + " task " + task.path("id").asText() + " FAILED: "
                        + firstLine(task));
            }
        }
    }

    private static String summary(JsonNode status) {
        List<String> tasks = new ArrayList<>();
        for (JsonNode task : status.path("tasks")) {
            tasks.add(task.path("id").asText() + " " + task.path("state").asText() + " on "
                    + task.path("worker_id").asText());
        }
        return status.path("connector").path("state").asText("UNKNOWN") + ", tasks: "
                + (tasks.isEmpty() ? "none yet" : String.join(", ", tasks));
    }

    private static String firstLine(JsonNode node) {
        return node.path("trace").asText("").lines().findFirst().orElse("(no trace)");
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new LaunchException("Connect answered a status that is not JSON: " + body, e);
        }
    }

    private Http.Response call(IoCall call) {
        try {
            return call.get();
        } catch (IOException e) {
            throw new LaunchException("Connect at " + connectUrl + " did not answer: " + e.getMessage(), e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while waiting for the connector");
        }
    }

    @FunctionalInterface
    private interface IoCall {
        Http.Response get() throws IOException;
    }
}
