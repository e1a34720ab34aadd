package io.ticklake.e2e.soak;

import static org.awaitility.Awaitility.await;

import io.ticklake.e2e.connect.SinkConnector;
import io.ticklake.e2e.kafka.ClusterState;
import io.ticklake.e2e.kafka.GroupAssignment;
import io.ticklake.e2e.kafka.Topics;
import io.ticklake.e2e.lake.S3Lake;
import io.ticklake.e2e.process.Artifacts;
import io.ticklake.e2e.process.DashboardInstance;
import io.ticklake.e2e.process.ExtraConnectWorker;
import io.ticklake.e2e.web.KpiPushClient;
import io.ticklake.infra.testing.S3Settings;
import io.ticklake.infra.testing.TestPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The soak's platform and pipeline on loopback: three Kafka nodes (replication 3, min.insync.replicas 2),
 * the registry, MinIO holding the lake, two Connect workers running the sink connector, and two
 * dashboard-api/streams instances with a WebSocket client each. It injects one {@link Fault} at a time
 * and tells whether the pipeline makes progress.
 */
public final class SoakPipeline implements AutoCloseable {

    public static final Topics TOPICS = Topics.prefixed("soak-");
    public static final String APPLICATION_ID = "soak-kpis";
    public static final String CONNECTOR = "soak-stock-ticks-sink";
    /** Connect's consumer group of a sink connector. */
    public static final String CONNECTOR_GROUP = "connect-" + CONNECTOR;
    public static final List<String> INSTANCES = List.of("a", "b");
    static final int BROKERS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(SoakPipeline.class);

    private final TestPlatform platform;
    private final Artifacts artifacts;
    private final Path workDir;
    private final Duration wait;
    private final Map<String, DashboardInstance> instances = new LinkedHashMap<>();
    private final Map<String, KpiPushClient> clients = new LinkedHashMap<>();
    private ExtraConnectWorker extraWorker;
    private SinkConnector sink;
    private S3Lake lake;
    private ClusterState cluster;
    private DashboardInstance.Settings dashboards;

    private SoakPipeline(TestPlatform platform, Artifacts artifacts, Path workDir, Duration wait) {
        this.platform = platform;
        this.artifacts = artifacts;
        this.workDir = workDir;
        this.wait = wait;
    }

    /** Starts everything on a platform of its own and waits until every part runs. */
    public static SoakPipeline start(Path workDir, Duration wait) {
        SoakPipeline pipeline = new SoakPipeline(TestPlatform.isolatedCluster(BROKERS), Artifacts.locate(), workDir,
                wait);
        try {
            pipeline.startParts();
            return pipeline;
        } catch (RuntimeException | Error e) {
            pipeline.close();
            throw e;
        }
    }

    private void startParts() {
        String bootstrap = platform.kafkaBootstrapServers();
        String registry = platform.schemaRegistryUrl();
        S3Settings s3 = platform.minio();
        lake = new S3Lake(s3);
        cluster = new ClusterState(bootstrap);
        for (String topic : List.of(TOPICS.ticks(), TOPICS.kpis(), TOPICS.dlq())) {
            platform.createTopic(topic, Topics.PARTITIONS);
        }
        platform.connectUrl(); // the platform's worker joins first and leads the group
        extraWorker = ExtraConnectWorker.start(workDir.resolve("connect-2"), platform::kafkaBootstrapServers, BROKERS);
        // files close every 10 s of record time (event time runs at wall-clock speed) and 5 s after the last
        // tick, so the lake advances while the feed runs; each of the six partitions has its task
        sink = SinkConnector.createForS3Lake(extraWorker.url(), CONNECTOR, artifacts.connectorConfigTemplate(),
                lake.uri(), s3.endpoint(), s3.region(), registry, platform.connectSecretsFile(), TOPICS,
                Topics.PARTITIONS, Map.of("rotate.interval.ms", "10000", "rotate.idle.ms", "5000",
                        "flush.size", "5000", "errors.deadletterqueue.topic.replication.factor", "3"));
        // a dead member is noticed after 10 s instead of the consumer's 45 s
        dashboards = new DashboardInstance.Settings(bootstrap, registry, APPLICATION_ID, TOPICS, null,
                Map.of("consumer.session.timeout.ms", "10000"));
        for (String name : INSTANCES) {
            instances.put(name, DashboardInstance.start(name, artifacts, dashboards, workDir));
        }
        for (DashboardInstance instance : instances.values()) {
            instance.awaitReady(wait);
        }
        connectMissingClients();
        sink.awaitRunning(Topics.PARTITIONS, wait);
    }

    public TestPlatform platform() {
        return platform;
    }

    public SinkConnector sink() {
        return sink;
    }

    public S3Lake lake() {
        return lake;
    }

    public ClusterState cluster() {
        return cluster;
    }

    /** The dashboard instances running now, by name. */
    public Map<String, DashboardInstance> instances() {
        return Map.copyOf(instances);
    }

    /** The WebSocket clients, one per instance. */
    public Map<String, KpiPushClient> clients() {
        return Map.copyOf(clients);
    }

    /**
     * Injects {@code fault} and undoes it; returns its target. An outage lasts {@code outage}, during which
     * {@code feedAlive} must hold throughout (the producer does not depend on the part that is out).
     */
    public String inject(Fault fault, FaultSchedule schedule, Duration outage, BooleanSupplier feedAlive) {
        return switch (fault) {
            case STREAMS_KILL -> {
                String name = INSTANCES.get(schedule.pick(INSTANCES.size()));
                instances.get(name).kill();
                KpiPushClient orphan = clients.remove(name);
                orphan.close();
                instances.put(name, DashboardInstance.start(name, artifacts, dashboards, workDir));
                yield "instance " + name;
            }
            case CONNECT_KILL -> {
                if (schedule.pick(2) == 0) {
                    platform.connect().kill();
                    platform.connect().start();
                    yield "platform's worker";
                }
                extraWorker.kill();
                extraWorker.restart();
                yield "second worker";
            }
            case BROKER_BOUNCE -> {
                int node = 1 + schedule.pick(BROKERS);
                platform.kafkaNode(node).kill();
                platform.kafkaNode(node).start();
                yield "kafka node " + node;
            }
            case MINIO_OUTAGE -> {
                platform.minioService().stop();
                holdOutage(outage, feedAlive, "MinIO");
                platform.minioService().start();
                yield "minio " + outage.toSeconds() + " s";
            }
            case REGISTRY_PAUSE -> {
                platform.registry().pause();
                try {
                    holdOutage(outage, feedAlive, "the registry");
                } finally {
                    platform.registry().resume();
                }
                yield "registry " + outage.toSeconds() + " s";
            }
            case STREAMS_REBALANCE -> {
                try (DashboardInstance extra = DashboardInstance.start("c", artifacts, dashboards, workDir)) {
                    extra.awaitReady(wait);
                    await().atMost(wait).pollInterval(Duration.ofSeconds(1)).until(() -> GroupAssignment
                            .partitionsPerMember(platform.kafkaBootstrapServers(), APPLICATION_ID, TOPICS.ticks())
                            .stream().filter(p -> !p.isEmpty()).count() == 3);
                    LOG.info("instance c owns partitions; stopping it again");
                }
                yield "instance c";
            }
        };
    }

    /** The outage lasts its time, and the feed must keep going all along. */
    private static void holdOutage(Duration outage, BooleanSupplier feedAlive, String what) {
        await("the tick feed keeps going while " + what + " is out").during(outage)
                .atMost(outage.plusSeconds(30)).pollInterval(Duration.ofMillis(500)).until(feedAlive::getAsBoolean);
    }

    /** Connects a WebSocket client to each ready instance that has none; true when every instance has one. */
    public boolean connectMissingClients() {
        for (Map.Entry<String, DashboardInstance> instance : instances.entrySet()) {
            KpiPushClient client = clients.get(instance.getKey());
            if (client != null && client.closedReason() != null) {
                clients.remove(instance.getKey());
                client = null;
            }
            if (client == null && instance.getValue().isReady()) {
                clients.put(instance.getKey(), KpiPushClient.connect(instance.getValue().url()));
            }
        }
        return clients.size() == instances.size();
    }

    /**
     * Copies every process log (Kafka nodes, registry, MinIO, both Connect workers, the dashboard instances)
     * into {@code target}, so a failed soak can be read after its directories are gone.
     */
    public void copyLogs(Path target) {
        try {
            Files.createDirectories(target);
            for (Path root : List.of(platform.workDir().resolve("logs"), workDir)) {
                try (Stream<Path> files = Files.walk(root)) {
                    // process logs, not the RocksDB logs in the instances' state directories
                    for (Path log : files.filter(f -> f.toString().endsWith(".log"))
                            .filter(f -> !f.toString().contains("-state/")).toList()) {
                        String name = root.relativize(log).toString().replace('/', '_');
                        Files.copy(log, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not copy the soak's logs to {}: {}", target, e.toString());
        }
    }

    @Override
    public void close() {
        List<AutoCloseable> parts = new ArrayList<>(clients.values());
        parts.addAll(instances.values());
        if (sink != null) {
            parts.add(sink::delete);
        }
        if (extraWorker != null) {
            parts.add(extraWorker);
        }
        if (lake != null) {
            parts.add(lake);
        }
        if (cluster != null) {
            parts.add(cluster);
        }
        parts.add(platform);
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("could not close {}: {}", part, e.toString());
            }
        }
    }
}
