package io.ticklake.connect.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The Connect REST calls the tests (and the README) use, with JSON bodies. */
final class ConnectRest {

    static final String CONNECTOR_CLASS = "io.ticklake.connect.TickLakeSinkConnector";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    ConnectRest(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** An answer: status and parsed body (null when empty). */
    record Answer(int status, JsonNode body) {
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    Answer put(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    /** A POST without a body, e.g. {@code /connectors/{name}/tasks/{id}/restart}. */
    Answer post(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
    }

    /** PUT /connectors/{name}/config: creates or reconfigures. */
    Answer putConfig(String name, Map<String, String> config) {
        Answer answer = put("/connectors/" + name + "/config", config);
        if (answer.status() >= 300) {
            throw new IllegalStateException("PUT config of " + name + " answered " + answer.status() + ": "
                    + answer.body());
        }
        return answer;
    }

    Answer validate(Map<String, String> config) {
        return put("/connector-plugins/" + CONNECTOR_CLASS + "/config/validate", config);
    }

    /** "RUNNING", "PAUSED", "FAILED", ... of the connector, or null if unknown. */
    String connectorState(String name) {
        Answer answer = get("/connectors/" + name + "/status");
        return answer.status() == 200 ? answer.body().path("connector").path("state").asText(null) : null;
    }

    /** The states of the connector's tasks, e.g. [RUNNING, RUNNING]; empty before tasks exist. */
    java.util.List<String> taskStates(String name) {
        Answer answer = get("/connectors/" + name + "/status");
        java.util.List<String> states = new java.util.ArrayList<>();
        if (answer.status() == 200) {
            answer.body().path("tasks").forEach(task -> states.add(task.path("state").asText()));
        }
        return states;
    }

    /** The trace of the first failed task, for assertion messages. */
    String failureTrace(String name) {
        Answer answer = get("/connectors/" + name + "/status");
        if (answer.status() != 200) {
            return "(no status: " + answer.status() + ")";
        }
        StringBuilder traces = new StringBuilder();
        answer.body().path("tasks").forEach(task -> traces.append(task.path("trace").asText("")));
        return traces.toString();
    }

    void deleteQuietly(String name) {
        try {
            delete("/connectors/" + name);
        } catch (RuntimeException ignored) {
            // the worker may be down in a fault test; the topic-based config goes with the platform
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new IllegalStateException("Connect REST call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
