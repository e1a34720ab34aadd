package io.ticklake.connect.it;

import static org.awaitility.Awaitility.await;

import io.ticklake.connect.testing.LakeRows;
import io.ticklake.infra.service.ConnectWorker;
import io.ticklake.infra.testing.S3Settings;
import io.ticklake.infra.testing.TestPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One sink scenario on the shared platform: a fresh topic, lake prefix and connector name, so the
 * ITs neither see each other's data nor depend on their order.
 */
final class SinkFixture implements AutoCloseable {

    static final int PARTITIONS = 6;

    final TestPlatform platform;
    final String id;
    final String topic;
    final String dlqTopic;
    final ConnectRest rest;
    final S3Settings s3;
    final TickTopic ticks;
    private final java.util.List<LakeBucket> buckets = new java.util.ArrayList<>();
    private final java.util.List<String> connectors = new java.util.ArrayList<>();

    SinkFixture(TestPlatform platform, String scenario) {
        this.platform = platform;
        this.id = scenario + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.topic = "stock-ticks-" + id;
        this.dlqTopic = topic + "-dlq";
        this.s3 = platform.minio();
        this.rest = new ConnectRest(platform.connectUrl());
        createTopic(topic, PARTITIONS);
        createTopic(dlqTopic, 1);
        this.ticks = new TickTopic(platform.kafkaBootstrapServers(), platform.schemaRegistryUrl(), topic);
    }

    /** Creating a topic can race the broker's metadata (UnknownTopicOrPartition right after creation). */
    private void createTopic(String name, int partitions) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> platform.createTopic(name, partitions));
    }

    /** The connector config a user would PUT, writing below {@code prefix} in the MinIO bucket. */
    Map<String, String> connectorConfig(String prefix, int tasks) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", ConnectRest.CONNECTOR_CLASS);
        config.put("tasks.max", Integer.toString(tasks));
        config.put("topics", topic);
        config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("lake.uri", "s3a://" + s3.bucket() + "/" + prefix);
        config.put("s3.endpoint", s3.endpoint());
        config.put("s3.region", s3.region());
        config.put("s3.path.style.access", "true");
        // as shipped: references the worker resolves, never the secret itself
        config.put("s3.access.key", platform.connectSecretReference(ConnectWorker.S3_ACCESS_KEY));
        config.put("s3.secret.key", platform.connectSecretReference(ConnectWorker.S3_SECRET_KEY));
        config.put("schema.registry.url", platform.schemaRegistryUrl());
        config.put("flush.size", "400");
        config.put("rotate.interval.ms", "600000");
        config.put("rotate.idle.ms", "4000");
        config.put("retry.backoff.ms", "500");
        config.put("retry.backoff.max.ms", "4000");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", dlqTopic);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        // a killed worker's consumers leave the group after this, not after the 45 s default
        config.put("consumer.override.session.timeout.ms", "10000");
        return config;
    }

    String startConnector(String suffix, Map<String, String> config) {
        String name = "sink-" + id + "-" + suffix;
        connectors.add(name);
        rest.putConfig(name, config);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            List<String> states = rest.taskStates(name);
            if (states.contains("FAILED")) {
                throw new AssertionError("task failed: " + rest.failureTrace(name));
            }
            return "RUNNING".equals(rest.connectorState(name)) && !states.isEmpty()
                    && states.stream().allMatch("RUNNING"::equals);
        });
        return name;
    }

    LakeBucket bucket(String prefix) {
        LakeBucket bucket = new LakeBucket(s3, prefix);
        buckets.add(bucket);
        return bucket;
    }

    /** Waits until the lake under {@code prefix} holds {@code expected} rows, then returns them. */
    List<LakeRows.Row> awaitRows(LakeBucket bucket, Path dir, int expected, Duration timeout) {
        List<List<LakeRows.Row>> last = new java.util.ArrayList<>(List.of(List.of()));
        await().atMost(timeout).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<LakeRows.Row> rows = bucket.rows(dir);
            last.set(0, rows);
            if (rows.size() < expected) {
                throw new AssertionError("lake holds " + rows.size() + " of " + expected + " rows");
            }
        });
        return last.get(0);
    }

    /**
     * Lines of the Connect worker's log that name this fixture's topic (unique to the scenario) and
     * contain {@code text}: the worker and its log are shared by every IT, these lines are this one's.
     */
    List<String> workerLogLines(String text) {
        try (var lines = Files.lines(platform.connect().logFile())) {
            return lines.filter(line -> line.contains(topic + "-") && line.contains(text)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The partitions of this fixture's topic that the sink logged a retry for ("<topic>-<p>: ... retrying in"). */
    Set<Integer> partitionsRetrying() {
        Pattern partition = Pattern.compile(Pattern.quote(topic) + "-(\\d+): ");
        Set<Integer> result = new java.util.TreeSet<>();
        for (String line : workerLogLines("and retrying in")) {
            Matcher m = partition.matcher(line);
            if (m.find()) {
                result.add(Integer.parseInt(m.group(1)));
            }
        }
        return result;
    }

    static Set<String> coordinates(List<LakeRows.Row> rows) {
        return rows.stream().map(r -> r.partition() + "@" + r.offset()).collect(Collectors.toSet());
    }

    @Override
    public void close() {
        connectors.forEach(rest::deleteQuietly);
        buckets.forEach(LakeBucket::close);
        ticks.close();
    }
}
