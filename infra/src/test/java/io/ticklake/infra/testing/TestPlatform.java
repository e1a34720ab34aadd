package io.ticklake.infra.testing;

import io.ticklake.infra.Platform;
import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.PlatformListener;
import io.ticklake.infra.kafka.KafkaTopics;
import io.ticklake.infra.kafka.TopicSpec;
import io.ticklake.infra.launch.Launcher;
import io.ticklake.infra.launch.RunSettings;
import io.ticklake.infra.security.PlatformSecurity;
import io.ticklake.infra.security.SecurityMode;
import io.ticklake.infra.service.PlatformService;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real local platform for integration tests: Kafka, Schema Registry, MinIO and Connect on
 * ephemeral loopback ports in a temporary directory, each started on first use only, by the same
 * launcher as {@code infra/platform}. Get the JVM-wide instance from {@link LocalPlatformExtension}
 * (a {@code TestPlatform} test parameter) or {@link #shared()}; it is torn down when the tests end
 * (and by a shutdown hook, should that not happen).
 *
 * <p>Set the system property {@code ticklake.keepWorkDir=true} to keep the directory (logs, data)
 * after the run.
 */
public final class TestPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestPlatform.class);
    private static TestPlatform shared;

    private final Path workDir;
    private final Platform platform;
    private final List<Launcher> launchers = new ArrayList<>();
    private boolean closed;

    private TestPlatform(Path workDir, SecurityMode security, int brokers) {
        this.workDir = workDir;
        this.platform = new Platform(PlatformConfig.forTests(workDir, System.getenv(), security, brokers));
    }

    /** The JVM's shared platform, created on first call; nothing starts until a service is asked for. */
    public static synchronized TestPlatform shared() {
        if (shared == null || shared.isClosed()) {
            AbandonedPlatforms.reap(Path.of(System.getProperty("java.io.tmpdir")));
            TestPlatform created = isolated();
            Runtime.getRuntime().addShutdownHook(new Thread(created::close, "ticklake-test-platform-shutdown"));
            shared = created;
        }
        return shared;
    }

    /** A platform of its own in a fresh directory, for a test that breaks things; the caller closes it. */
    public static TestPlatform isolated() {
        return isolated(SecurityMode.PLAINTEXT);
    }

    /**
     * A platform of its own with the given security; the caller closes it. With {@code SASL_SSL} the
     * broker takes SCRAM-authenticated TLS clients only and the registry serves HTTPS: clients get
     * {@link #clientConfigFile()}.
     */
    public static TestPlatform isolated(SecurityMode security) {
        return isolated(security, 1);
    }

    /**
     * A PLAINTEXT platform of its own whose Kafka is {@code brokers} KRaft nodes (each broker and
     * controller, one quorum), every topic replicated min(brokers, 3) times with {@code min.insync.replicas}
     * one less; the caller closes it. {@link #kafkaNode(int)} gives one node for faults.
     */
    public static TestPlatform isolatedCluster(int brokers) {
        return isolated(SecurityMode.PLAINTEXT, brokers);
    }

    private static TestPlatform isolated(SecurityMode security, int brokers) {
        try {
            Path workDir = Files.createTempDirectory(AbandonedPlatforms.DIRECTORY_PREFIX);
            AbandonedPlatforms.claim(workDir);
            return new TestPlatform(workDir, security, brokers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the test platform", e);
        }
    }

    /**
     * {@code 127.0.0.1:<port>} (SASL_SSL on a secured platform; every node, comma-separated, on a cluster);
     * starts the broker on first call.
     */
    public String kafkaBootstrapServers() {
        ensureStarted(platform.kafka());
        return platform.kafka().bootstrapServers();
    }

    /**
     * {@code http://127.0.0.1:<port>/apis/ccompat/v7} ({@code https://} on a secured platform; default
     * compatibility BACKWARD); starts the registry on first call.
     */
    public String schemaRegistryUrl() {
        ensureStarted(platform.registry());
        return platform.registry().schemaRegistryUrl();
    }

    /** MinIO's S3 settings, with the bucket created; starts MinIO (building it first if needed) on first call. */
    public S3Settings minio() {
        ensureStarted(platform.minio());
        PlatformConfig config = platform.config();
        return new S3Settings(platform.minio().endpoint(), config.accessKey(), config.secretKey(), config.bucket(), config.region());
    }

    /** {@code http://127.0.0.1:<port>}, Connect's REST API; starts the broker and the worker on first call. */
    public String connectUrl() {
        ensureStarted(platform.connect());
        return platform.connect().url();
    }

    /** The broker, started. */
    public ServiceHandle kafka() {
        return handle(platform.kafka());
    }

    /**
     * Kafka node {@code id} (1 is {@link #kafka()}), with every node started: stopping or killing it leaves
     * the others serving; {@code start()} brings it back with its data.
     */
    public ServiceHandle kafkaNode(int id) {
        ensureStarted(platform.kafka());
        return handle(platform.kafkaCluster().node(id));
    }

    /** How many Kafka nodes the platform runs. */
    public int kafkaNodes() {
        return platform.kafkaCluster().nodes().size();
    }

    /** The registry, started. */
    public ServiceHandle registry() {
        return handle(platform.registry());
    }

    /** MinIO, started. */
    public ServiceHandle minioService() {
        return handle(platform.minio());
    }

    /** What a connector config holds instead of the worker's secret {@code key} (see ConnectWorker). */
    public String connectSecretReference(String key) {
        ensureStarted(platform.connect());
        return platform.connect().secretReference(key);
    }

    /** The worker's secrets file, which the shipped connector config references. */
    public Path connectSecretsFile() {
        ensureStarted(platform.connect());
        return platform.connect().secretsFile();
    }

    /** The Connect worker (and the broker), started. */
    public ServiceHandle connect() {
        return handle(platform.connect());
    }

    /**
     * The client properties file (0600) of a secured platform: bootstrap servers, SASL_SSL with the
     * client user's SCRAM credentials, the truststore, and the registry URL with its
     * {@code schema.registry.ssl.*} settings; starts the broker and the registry. Fails on a PLAINTEXT platform.
     */
    public Path clientConfigFile() {
        PlatformSecurity security = requireSecurity();
        ensureStarted(platform.kafka());
        ensureStarted(platform.registry());
        return security.clientConfigFile();
    }

    /** The credentials and certificates of a secured platform. */
    public PlatformSecurity security() {
        return requireSecurity();
    }

    /**
     * What a connector config adds to reach the registry over HTTPS (the truststore password as a
     * reference the worker resolves); empty on a PLAINTEXT platform.
     */
    public Map<String, String> connectorRegistryTls() {
        return platform.connect().registryTlsConnectorSettings();
    }

    /**
     * Creates a topic unless it exists, replicated min(brokers, 3) times; fails if it exists with another
     * partition count.
     */
    public void createTopic(String name, int partitions) {
        Map<String, Integer> actual = KafkaTopics.ensure(kafkaBootstrapServers(), platform.kafka().adminClientSettings(),
                List.of(new TopicSpec(name, partitions)));
        if (actual.get(name) != partitions) {
            throw new IllegalStateException("topic " + name + " already exists with " + actual.get(name)
                    + " partitions, not " + partitions);
        }
    }

    /**
     * {@code ./ticklake run}'s orchestration ({@link Launcher}) on this platform: its {@code start} starts the
     * platform, the contracts, the sink connectors and the dashboard as the run command does. It is closed with
     * the platform, or by a shutdown hook should the JVM end first (its children run in sessions of their own).
     */
    public synchronized Launcher launcher(RunSettings settings, PrintStream out) {
        Launcher launcher = new Launcher(platform, settings, out);
        launchers.add(launcher);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::close, "ticklake-test-launcher-shutdown"));
        return launcher;
    }

    /** The platform's directory: data, logs ({@code logs/<service>.log}) and pid files. */
    public Path workDir() {
        return workDir;
    }

    /** The names of the services running now, in start order. */
    public synchronized List<String> runningServices() {
        return platform.services().stream().filter(PlatformService::isRunning).map(PlatformService::name).toList();
    }

    /** Stops every service and deletes the directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        launchers.forEach(Launcher::close);
        try {
            platform.down(PlatformListener.SILENT);
        } catch (RuntimeException e) {
            LOG.warn("stopping the test platform in {} failed: {}", workDir, e.getMessage());
            platform.services().forEach(PlatformService::kill);
        }
        if (Boolean.getBoolean("ticklake.keepWorkDir")) {
            try {
                AbandonedPlatforms.release(workDir);
            } catch (IOException e) {
                LOG.warn("could not release {}: {}", workDir, e.getMessage());
            }
            LOG.info("kept the test platform's directory {}", workDir);
        } else {
            AbandonedPlatforms.deleteRecursively(workDir);
        }
    }

    private PlatformSecurity requireSecurity() {
        return platform.security().orElseThrow(() -> new IllegalStateException(
                "the test platform in " + workDir + " is not secured: use TestPlatform.isolated(SecurityMode.SASL_SSL)"));
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private synchronized ServiceHandle handle(PlatformService service) {
        ensureStarted(service);
        return new PlatformServiceHandle(platform, service);
    }

    private synchronized void ensureStarted(PlatformService service) {
        if (closed) {
            throw new IllegalStateException("the test platform in " + workDir + " is closed");
        }
        platform.start(service);
    }
}
