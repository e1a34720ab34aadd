package io.ticklake.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticklake.e2e.process.Artifacts;
import io.ticklake.schemas.serde.ClientPropertiesFile;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code ./ticklake run --minio} as a user runs it: the launcher's own JVM ({@code infra/platform run},
 * which {@code scripts/run} execs after setup and build), on its own home and free ports. A replay of
 * ticks in a closed hour lands through the sink on MinIO; the launcher's schedule compacts it into the
 * Iceberg table and builds the models there, with the S3 keys given to every child through the
 * environment only. An alert rule made through REST fires, and its alerts land in {@code raw/stock_alerts};
 * a poison record's dead letters land in {@code raw/stock_ticks_dlq}. Then a TERM (what Ctrl-C does) stops everything the launcher started.
 */
class RunCommandIT {

    private static final int TICKS = 240;
    private static final String BUCKET = "ticklake";
    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration TO_MODELS = Duration.ofMinutes(6);
    private static final Duration STOP = Duration.ofMinutes(2);
    private static final Duration ALERTS_LANDED = Duration.ofMinutes(3);

    @TempDir
    Path home;

    private Process launcher;

    @AfterEach
    void stopLauncher() {
        if (launcher != null && launcher.isAlive()) {
            launcher.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    @Test
    void minioLakeIsCompactedAndModelledWithKeysFromTheEnvironmentOnlyAndTermStopsEverything() throws Exception {
        Artifacts artifacts = Artifacts.locate();
        String secret = HexFormat.of().formatHex(randomBytes());
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);
        Path replay = writeTicks(home.resolve("ticks.csv"), hour);
        Path out = home.resolve("launcher.out");
        int dashboardPort = freePort();

        launcher = startLauncher(artifacts.repo(), secret, out, "--minio", "--no-airflow", "--replay", replay.toString(),
                "--speed", "0", "--every-minutes", "1", "--port", Integer.toString(dashboardPort));
        await("the launcher says it is running").atMost(START).pollInterval(Duration.ofSeconds(1))
                .until(() -> read(out).contains("TickLake is running") || !launcher.isAlive());
        String started = read(out);
        assertThat(launcher.isAlive()).as("launcher alive; its output:%n%s", started).isTrue();
        assertThat(started).as("connector state printed once its tasks run")
                .containsPattern("connector stock-ticks-sink: RUNNING, tasks: 0 RUNNING on \\S+, 1 RUNNING on ")
                .containsPattern("Lake\\s+s3a://ticklake");
        assertThat(started).containsPattern("connector stock-alerts-sink: RUNNING, tasks: 0 RUNNING on ");
        List<ProcessHandle> children = launcher.toHandle().descendants().toList();
        assertThat(children).as("platform services, dashboard and simulator run under the launcher").hasSizeGreaterThanOrEqualTo(6);
        // once the replay is over both symbols go quiet, which a stale-feed rule made now reports
        HttpResponse<String> rule = createRule(dashboardPort, "{\"rule_id\":\"run-quiet\",\"symbol\":\"*\","
                + "\"kind\":\"STALE_FEED\",\"stale_seconds\":5,\"cooldown_ms\":0}");
        assertThat(rule.statusCode()).as("rule created: %s", rule.body()).isEqualTo(201);

        // endpoints.env is NAME=value lines, read like any client properties file
        Map<String, String> endpoints = ClientPropertiesFile.load(home.resolve("platform/endpoints.env"));
        long poisonOffset = producePoison(endpoints.get("KAFKA_BOOTSTRAP_SERVERS"));
        try (S3Client s3 = s3(endpoints, secret)) {
            // the sink closes the hour's files one by one (rotation, idle close); each schedule round
            // compacts what has landed, and the models follow, until they count every replayed tick
            await("ohlcv_1m on MinIO counts every replayed tick").atMost(TO_MODELS).pollInterval(Duration.ofSeconds(5))
                    .until(() -> tradeCount(s3, keys(s3, "models/ohlcv_1m/")) == TICKS);
            assertThat(keys(s3, "raw/stock_ticks/")).as("raw files landed by the sink").isNotEmpty();
            assertThat(keys(s3, "warehouse/")).as("the Iceberg table's files")
                    .anyMatch(key -> key.endsWith(".metadata.json"));
            await("the stale-feed alerts land in raw/stock_alerts").atMost(ALERTS_LANDED)
                    .pollInterval(Duration.ofSeconds(5))
                    .until(() -> alerts(s3, keys(s3, "raw/stock_alerts/")),
                            landed -> landed.containsAll(List.of("run-quiet RUNA STALE_FEED", "run-quiet RUNB STALE_FEED")));
            // the streams app and the sink each dead-letter the poison record; both letters land
            await("the poison record's dead letters land in raw/stock_ticks_dlq").atMost(ALERTS_LANDED)
                    .pollInterval(Duration.ofSeconds(5))
                    .until(() -> query(s3, keys(s3, "raw/stock_ticks_dlq/"), "SELECT reported_by || ' ' || reason"
                                    + " || ' ' || record_key FROM {file} WHERE source_topic = 'stock-ticks'"
                                    + " AND source_offset = " + poisonOffset),
                            letters -> letters.containsAll(List.of("streams undecodable RUNA", "connect undecodable RUNA")));
        }
        assertThat(commandLinesHolding(secret)).as("no process has the S3 secret in its arguments").isEmpty();
        assertThat(filesHolding(home.resolve("platform/logs"), secret)).as("no log holds the S3 secret").isEmpty();
        assertThat(read(out)).as("the launcher's output").doesNotContain(secret);
        assertThat(read(home.resolve("platform/logs/schedule.log"))).as("every step of the schedule succeeded")
                .doesNotContainPattern("(compaction|models|quality|maintenance) failed \\(");

        launcher.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hook stops everything
        assertThat(launcher.waitFor(STOP.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                .as("the launcher stops within %s", STOP).isTrue();
        assertThat(children).as("nothing the launcher started is left running").noneMatch(ProcessHandle::isAlive);
        assertThat(read(out)).contains("==> Stopping");
    }

    private Process startLauncher(Path repo, String secret, Path out, String... options) throws IOException {
        String classpath = infraJar(repo) + File.pathSeparator
                + Files.readString(repo.resolve("infra/target/cli.classpath")).trim();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "io.ticklake.infra.cli.Main", "run", "--repo", repo.toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("TICKLAKE_") && !key.equals("TICKLAKE_CACHE"));
        environment.put("TICKLAKE_HOME", home.resolve("platform").toString());
        environment.put("TICKLAKE_CONNECT_PLUGIN_PATH", repo.resolve("connect-sink/target/plugin").toString());
        environment.put("TICKLAKE_S3_SECRET_KEY", secret);
        for (String port : List.of("KAFKA", "CONTROLLER", "REGISTRY", "CONNECT", "MINIO", "MINIO_CONSOLE")) {
            environment.put("TICKLAKE_" + port + "_PORT", "0");
        }
        return builder.start();
    }

    /** Ticks of two symbols spread over the first 40 minutes of {@code hour}, in event-time order. */
    private static Path writeTicks(Path file, Instant hour) throws IOException {
        StringBuilder csv = new StringBuilder("event_time,symbol,price,volume,sequence\n");
        for (int i = 0; i < TICKS; i++) {
            csv.append(hour.plusSeconds(10L * i)).append(',').append(i % 2 == 0 ? "RUNA" : "RUNB").append(',')
                    .append(100 + i % 7).append(".25,").append(10 + i).append(',').append(i / 2 + 1).append('\n');
        }
        return Files.writeString(file, csv);
    }

    private HttpResponse<String> createRule(int dashboardPort, String json) throws Exception {
        String adminToken = ClientPropertiesFile.load(home.resolve("platform/dashboard-credentials.env"))
                .get("TICKLAKE_SECURITY_ADMIN_TOKEN");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dashboardPort + "/api/alert-rules"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** "rule_id symbol kind" of every alert in the raw alert files. */
    private static List<String> alerts(S3Client s3, List<String> alertFiles) throws Exception {
        return query(s3, alertFiles, "SELECT rule_id || ' ' || symbol || ' ' || kind FROM {file}");
    }

    /** The first column of {@code sql} run over each file ({@code {file}}), downloaded from MinIO. */
    private static List<String> query(S3Client s3, List<String> files, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        for (String key : files) {
            Path local = Files.createTempFile("raw", ".parquet");
            try {
                Files.write(local, s3.getObjectAsBytes(request -> request.bucket(BUCKET).key(key)).asByteArray());
                try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                     Statement statement = duckdb.createStatement();
                     ResultSet rows = statement.executeQuery(sql.replace("{file}", "read_parquet('" + local + "')"))) {
                    while (rows.next()) {
                        values.add(rows.getString(1));
                    }
                }
            } finally {
                Files.deleteIfExists(local);
            }
        }
        return values;
    }

    /** A value that is not Confluent-wire Avro, keyed RUNA, on stock-ticks; returns its offset. */
    private static long producePoison(String bootstrapServers) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>("stock-ticks", "RUNA".getBytes(StandardCharsets.UTF_8),
                    "not avro".getBytes(StandardCharsets.UTF_8))).get().offset();
        }
    }

    private static long tradeCount(S3Client s3, List<String> modelFiles) throws Exception {
        return query(s3, modelFiles, "SELECT coalesce(sum(trade_count), 0) FROM {file}").stream()
                .mapToLong(Long::parseLong).sum();
    }

    private static List<String> keys(S3Client s3, String prefix) {
        return s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(BUCKET).prefix(prefix).build())
                .contents().stream().map(S3Object::key).filter(key -> !key.endsWith("/")).toList();
    }

    private static S3Client s3(Map<String, String> endpoints, String secret) {
        return S3Client.builder().endpointOverride(URI.create(endpoints.get("S3_ENDPOINT")))
                .region(Region.of(endpoints.get("S3_REGION"))).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(endpoints.get("S3_ACCESS_KEY"), secret)))
                .build();
    }

    private static List<String> commandLinesHolding(String secret) {
        return ProcessHandle.allProcesses().map(process -> process.info().commandLine().orElse(""))
                .filter(line -> line.contains(secret)).toList();
    }

    private static List<Path> filesHolding(Path dir, String secret) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> read(file).contains(secret)).toList();
        }
    }

    private static Path infraJar(Path repo) throws IOException {
        try (Stream<Path> files = Files.list(repo.resolve("infra/target"))) {
            return files.filter(file -> file.getFileName().toString().matches("infra-.*\\.jar"))
                    .filter(file -> !file.getFileName().toString().endsWith("-tests.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no infra jar in " + repo.resolve("infra/target")));
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
