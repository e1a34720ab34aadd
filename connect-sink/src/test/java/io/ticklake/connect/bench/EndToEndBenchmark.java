package io.ticklake.connect.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticklake.connect.config.TickLakeSinkConfig;
import io.ticklake.connect.format.FooterMetadata;
import io.ticklake.connect.storage.ObjectStore;
import io.ticklake.connect.storage.ObjectStores;
import io.ticklake.connect.testing.Ticks;
import io.ticklake.connect.writer.FooterKeys;
import io.ticklake.infra.bench.BacklogSpan;
import io.ticklake.infra.bench.BenchRow;
import io.ticklake.infra.bench.RowWriter;
import io.ticklake.infra.testing.S3Settings;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.schemas.serde.KafkaAvroSerializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * End-to-end sink throughput through a real Connect worker: a backlog of ticks in Kafka, one
 * connector task, MinIO; timed from the task running to the last row durable (rows counted from
 * the files' footers, looked at every 200 ms), and in its steady state: 10 %..90 % of the rows
 * durable, without the start and the idle close of the last files. Starts its own platform from the
 * infra fixture (the plugin must be built).
 *
 * <pre>
 * ./mvnw -q -pl connect-sink package -DskipTests
 * ./mvnw -q -pl connect-sink exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath io.ticklake.connect.bench.EndToEndBenchmark [--records N] [--out FILE.jsonl]"
 * </pre>
 */
public final class EndToEndBenchmark {

    private static final String TOPIC = "stock-ticks-bench";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        int index = options.indexOf("--records");
        int records = index >= 0 ? Integer.parseInt(args[index + 1]) : 2_000_000;
        int outIndex = options.indexOf("--out");
        RowWriter rows = new RowWriter(Path.of(outIndex >= 0 ? args[outIndex + 1]
                : "target/bench-results/connect-sink-e2e.jsonl"));
        try (TestPlatform platform = TestPlatform.isolated()) {
            S3Settings s3 = platform.minio();
            platform.createTopic(TOPIC, 6);
            produce(platform, records);
            String connect = platform.connectUrl();
            Map<String, String> config = connectorConfig(platform, s3);
            // the worker resolves the S3 keys from its secrets file: Connect stores references only
            Map<String, String> connector = new HashMap<>(config);
            connector.put("s3.access.key", platform.connectSecretReference("s3.access.key"));
            connector.put("s3.secret.key", platform.connectSecretReference("s3.secret.key"));
            put(connect + "/connectors/bench/config", JSON.writeValueAsString(connector));
            while (!JSON.readTree(get(connect + "/connectors/bench/status")).path("tasks").path(0).path("state")
                    .asText().equals("RUNNING")) {
                Thread.sleep(100); // a benchmark harness, not a test: plain polling is fine
            }
            long started = System.nanoTime();
            BacklogSpan span = awaitRows(config, s3, records);
            double seconds = (span.at100() - started) / 1e9;
            System.out.println();
            System.out.println("End to end through a Connect worker (1 task, MinIO, flush.size 50000, 6 partitions)");
            System.out.println("| ticks | seconds | ticks/s/task | steady state ticks/s/task |");
            System.out.println("|-------|---------|--------------|---------------------------|");
            System.out.printf("| %,d | %.1f | %,.0f | %,.0f |%n", records, seconds, records / seconds, span.steadyRate());
            rows.write(BenchRow.figure("connect-sink-e2e", String.format(Locale.ROOT, "connect-sink: end to end through"
                    + " a Connect worker (1 task, MinIO, %,d ticks, idle close 5 s included)", records), records / seconds,
                    "ticks/s", ""));
            rows.write(BenchRow.figure("connect-sink-e2e", String.format(Locale.ROOT, "connect-sink: through a Connect"
                    + " worker into MinIO, steady state (10-90 %% of %,d ticks durable), per task", records),
                    span.steadyRate(), "ticks/s", "≥ 150,000"));
        }
    }

    private static Map<String, String> connectorConfig(TestPlatform platform, S3Settings s3) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "io.ticklake.connect.TickLakeSinkConnector");
        config.put("tasks.max", "1");
        config.put("topics", TOPIC);
        config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("lake.uri", "s3a://" + s3.bucket() + "/e2e");
        config.put("s3.endpoint", s3.endpoint());
        config.put("s3.region", s3.region());
        config.put("s3.path.style.access", "true");
        config.put("s3.access.key", s3.accessKey());
        config.put("s3.secret.key", s3.secretKey());
        config.put("schema.registry.url", platform.schemaRegistryUrl());
        config.put("flush.size", "50000");
        config.put("rotate.idle.ms", "5000");
        config.put("consumer.override.max.poll.records", "2000");
        return config;
    }

    private static void produce(TestPlatform platform, int records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(Map.of("schema.registry.url", platform.schemaRegistryUrl()), false);
        Instant start = Instant.parse("2026-11-20T13:30:00Z");
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(props, new StringSerializer(), values)) {
            for (int i = 0; i < records; i++) {
                String symbol = "SYM" + (i % 24);
                producer.send(new ProducerRecord<>(TOPIC, symbol, Ticks.tick(symbol, start.plusMillis(i / 2), i)));
            }
        }
        System.out.printf("Produced %,d ticks%n", records);
    }

    /** Polls the lake until the footers' row counts add up to {@code expected}; returns when each share was. */
    private static BacklogSpan awaitRows(Map<String, String> config, S3Settings s3, int expected)
            throws InterruptedException {
        Map<String, Long> rowsByKey = new HashMap<>();
        BacklogSpan span = new BacklogSpan(expected);
        try (S3Client client = S3Client.builder().endpointOverride(URI.create(s3.endpoint()))
                .region(Region.of(s3.region())).forcePathStyle(true).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()))).build();
             ObjectStore store = ObjectStores.open(new TickLakeSinkConfig(config))) {
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (System.nanoTime() < deadline) {
                for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(s3.bucket()).prefix("e2e/raw/"))
                        .contents()) {
                    String key = object.key().substring("e2e/".length());
                    rowsByKey.computeIfAbsent(key, k -> Long.parseLong(
                            FooterMetadata.read(store, k).orElseThrow().get(FooterKeys.ROWS)));
                }
                long total = rowsByKey.values().stream().mapToLong(Long::longValue).sum();
                if (total > expected) {
                    throw new IllegalStateException("the sink landed " + total + " rows of " + expected);
                }
                if (span.observe(total, System.nanoTime())) {
                    return span;
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the sink did not land " + expected + " rows in 10 minutes");
    }

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void put(String url, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("PUT " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
