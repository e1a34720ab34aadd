package io.ticklake.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticklake.e2e.connect.SinkConnector;
import io.ticklake.e2e.process.WorkDirs;
import io.ticklake.e2e.kafka.Coordinates;
import io.ticklake.e2e.kafka.TickRecord;
import io.ticklake.e2e.kafka.TopicReader;
import io.ticklake.e2e.kafka.Topics;
import io.ticklake.e2e.lake.LakeReader;
import io.ticklake.e2e.lake.LakeRow;
import io.ticklake.e2e.process.Artifacts;
import io.ticklake.e2e.process.DashboardInstance;
import io.ticklake.e2e.process.LakeJobs;
import io.ticklake.e2e.reference.Kpi;
import io.ticklake.e2e.web.DashboardClient;
import io.ticklake.infra.security.PlatformSecurity;
import io.ticklake.infra.security.SecurityMode;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.schemas.serde.ClientPropertiesFile;
import io.ticklake.simulator.cli.SimulatorCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The pipeline on a secured cluster: a platform of its own whose broker takes SASL_SSL (SCRAM-SHA-512)
 * clients only and whose registry serves HTTPS only, with a CA made for the run. Every component gets
 * the platform's one client properties file, the way a user gives it theirs: the simulator
 * {@code --producer-config}, the dashboard {@code TICKLAKE_KAFKA_CLIENT_CONFIG}, the Spark backfill
 * {@code client-config}; the Connect worker connects with the same user, and the sink connector reaches
 * the registry with {@code schema.registry.ssl.*}. A few hundred ticks go through; each stage must hold
 * each of them exactly once, and a client without the credentials gets nothing from the broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredClusterIT {

    private static final Topics TOPICS = Topics.prefixed("secured-");
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "NVDA");
    private static final int TICKS = 300;
    private static final Duration WAIT = Duration.ofMinutes(3);

    private TestPlatform platform;
    private Path workDir;
    private Path clientConfig;
    private String bootstrap;
    private String registry;
    private DashboardInstance dashboard;
    private SinkConnector sink;
    private LakeReader sinkLake;
    private LakeReader backfillLake;
    private LakeJobs jobs;
    private List<TickRecord> input;

    @BeforeAll
    void startTheSecuredPlatformAndSendTicks() throws IOException {
        Artifacts artifacts = Artifacts.locate();
        platform = TestPlatform.isolated(SecurityMode.SASL_SSL);
        clientConfig = platform.clientConfigFile();
        bootstrap = platform.kafkaBootstrapServers();
        registry = platform.schemaRegistryUrl();
        for (String topic : List.of(TOPICS.ticks(), TOPICS.kpis(), TOPICS.dlq())) {
            platform.createTopic(topic, Topics.PARTITIONS);
        }
        workDir = Files.createTempDirectory("ticklake-secured-");
        sinkLake = new LakeReader(Files.createDirectories(workDir.resolve("sink-lake")));
        backfillLake = new LakeReader(Files.createDirectories(workDir.resolve("backfill-lake")));
        jobs = new LakeJobs(artifacts, workDir);

        dashboard = DashboardInstance.start("secured", artifacts, new DashboardInstance.Settings(bootstrap, registry,
                "secured-kpis", TOPICS, null, Map.of(), clientConfig), workDir);
        sink = SinkConnector.createForLocalLake(platform.connectUrl(), "secured-stock-ticks-sink",
                artifacts.connectorConfigTemplate(), sinkLake.uri(), registry, platform.connectSecretsFile(), TOPICS, 2,
                platform.connectorRegistryTls());
        dashboard.awaitReady(WAIT);
        sink.awaitRunning(2, WAIT);

        // event times from two hours ago, in order and one minute long: every tick is on time for the KPIs
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
        int exit = SimulatorCli.commandLine(new SimulatorCli()).execute("simulate",
                "--symbols", String.join(",", SYMBOLS), "--rate", "5", "--max-speed", "--seed", "20261206",
                "--start", start.toString(), "--count", Integer.toString(TICKS), "--topic", TOPICS.ticks(),
                "--bootstrap-servers", bootstrap, "--schema-registry-url", registry,
                "--producer-config", clientConfig.toString());
        assertThat(exit).as("simulator exit code").isZero();
        input = new TopicReader(bootstrap, registry, ClientPropertiesFile.load(clientConfig)).ticks(TOPICS.ticks());
    }

    @AfterAll
    void stopEverything() throws IOException {
        if (sink != null) {
            sink.delete();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        for (LakeReader lake : new LakeReader[] {sinkLake, backfillLake}) {
            if (lake != null) {
                lake.close();
            }
        }
        if (platform != null) {
            platform.close();
        }
        WorkDirs.deleteUnlessKept(workDir);
    }

    @Test
    void theBrokerRefusesAClientWithoutTheCredentials() throws IOException {
        Map<String, Object> wrongPassword = new HashMap<>(ClientPropertiesFile.load(clientConfig));
        wrongPassword.put("sasl.jaas.config", PlatformSecurity.jaasConfig(PlatformSecurity.CLIENT_USER, "guess"));

        assertThatThrownBy(() -> describeCluster(wrongPassword))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SaslAuthenticationException.class).hasMessageContaining("invalid credentials");
        // no credentials and no TLS at all: the broker answers nothing
        assertThatThrownBy(() -> describeCluster(Map.of()))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TimeoutException.class);
    }

    @Test
    void theSimulatorSentEveryTickOverSaslSsl() {
        assertThat(input).hasSize(TICKS);
        assertThat(input).extracting(TickRecord::symbol).containsOnly(SYMBOLS.toArray(String[]::new));
        assertThat(registry).startsWith("https://");
    }

    @Test
    void theApiCountsEveryTickOnce() {
        DashboardClient api = new DashboardClient(dashboard.url());
        Map<String, Long> sent = input.stream().collect(Collectors.groupingBy(TickRecord::symbol, TreeMap::new,
                Collectors.counting()));
        Map<String, Long> volume = input.stream().collect(Collectors.groupingBy(TickRecord::symbol, TreeMap::new,
                Collectors.summingLong(r -> r.tick().getVolume())));
        Instant from = Instant.ofEpochMilli(input.stream().mapToLong(TickRecord::eventTimeMs).min().orElseThrow())
                .truncatedTo(ChronoUnit.MINUTES);
        Instant to = from.plus(1, ChronoUnit.HOURS);

        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
            Map<String, Long> counted = new TreeMap<>();
            Map<String, Long> volumes = new TreeMap<>();
            for (String symbol : SYMBOLS) {
                Map<?, Kpi> windows = api.kpis(symbol, "1m", from, to);
                counted.put(symbol, windows.values().stream().mapToLong(Kpi::tradeCount).sum());
                volumes.put(symbol, windows.values().stream().mapToLong(Kpi::volume).sum());
            }
            assertThat(counted).isEqualTo(sent);
            assertThat(volumes).isEqualTo(volume);
        });
    }

    @Test
    void theSinkLandsEveryKafkaCoordinateExactlyOnce() {
        List<Coordinates> expected = coordinates(input.stream().map(TickRecord::coordinates));

        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(coordinates(sinkLake.raw().stream().map(LakeRow::coordinates))).isEqualTo(expected));
    }

    @Test
    void theBackfillLandsTheSameCoordinatesExactlyOnce() {
        JsonNode result = jobs.backfill(backfillLake.uri(), bootstrap, registry, TOPICS.ticks(), clientConfig);

        assertThat(result.path("rows_landed").asLong()).isEqualTo(TICKS);
        assertThat(result.path("undecodable").asLong()).isZero();
        assertThat(coordinates(backfillLake.raw().stream().map(LakeRow::coordinates)))
                .isEqualTo(coordinates(input.stream().map(TickRecord::coordinates)));
    }

    /** Sorted, duplicates kept: equal lists mean every coordinate exactly once. */
    private static List<Coordinates> coordinates(Stream<Coordinates> all) {
        return all.sorted().toList();
    }

    private void describeCluster(Map<String, ?> settings) throws Exception {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000)).nodes().get();
        }
    }
}
