package io.ticklake.infra.service;

import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.kafka.KafkaTopics;
import io.ticklake.infra.process.Ports;
import io.ticklake.infra.runtime.JavaCommand;
import io.ticklake.infra.runtime.KafkaRuntime;
import io.ticklake.infra.security.PlatformSecurity;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One KRaft Kafka node (combined broker and controller) from the Maven Central jars, alone or one
 * of the voters of a {@link KafkaCluster}. Its storage is formatted on the first start only, so data
 * survives stops and kills.
 *
 * <p>On a secured platform the client listener is SASL_SSL (SCRAM-SHA-512, the platform's server
 * certificate) and is also the inter-broker listener; the SCRAM users are created when the storage is
 * formatted. The KRaft controller listener stays PLAINTEXT on loopback: it serves the nodes' own
 * controller traffic, not clients, and Kafka supports SCRAM only on broker listeners (the credentials
 * live in the metadata log the controller serves). Secrets stay out of server.properties: it refers to
 * the platform's secrets file through Kafka's {@code file} config provider.
 */
public final class KafkaBroker extends ProcessService {

    /** The name of node 1 (and of the only node by default); node n is {@code kafka-n}. */
    public static final String NAME = "kafka";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final String BROKER = "broker";
    private static final String CONTROLLER = "controller";
    /** Node n listens on the configured ports plus this times (n - 1), so fixed ports stay predictable. */
    static final int PORT_STRIDE = 100;
    private static final Duration FORMAT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final String FILE_CONFIG_PROVIDER = "org.apache.kafka.common.config.provider.FileConfigProvider";

    private final int nodeId;
    private final KafkaCluster cluster;
    private final Optional<PlatformSecurity> security;

    KafkaBroker(PlatformConfig config, int nodeId, KafkaCluster cluster, Optional<PlatformSecurity> security) {
        super(nodeName(nodeId), config, List.of(
                new ServicePort(BROKER, offset(config.kafkaPort(), nodeId), "TICKLAKE_KAFKA_PORT"),
                new ServicePort(CONTROLLER, offset(config.controllerPort(), nodeId), "TICKLAKE_CONTROLLER_PORT")));
        this.nodeId = nodeId;
        this.cluster = cluster;
        this.security = security;
    }

    /** {@code kafka} for node 1, {@code kafka-<n>} for the others. */
    static String nodeName(int nodeId) {
        return nodeId == 1 ? NAME : NAME + "-" + nodeId;
    }

    private static int offset(int port, int nodeId) {
        return port == 0 ? 0 : port + PORT_STRIDE * (nodeId - 1);
    }

    /** Its KRaft node id, 1 to the number of nodes. */
    public int nodeId() {
        return nodeId;
    }

    /** The client settings of the launcher's own admin calls: the admin user's on a secured platform, else none. */
    public Map<String, String> adminClientSettings() {
        return security.map(PlatformSecurity::adminClientSettings).orElse(Map.of());
    }

    /** What clients put in {@code bootstrap.servers}: every node of the cluster, {@code 127.0.0.1:<port>,...}. */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** This node's client listener alone, {@code 127.0.0.1:<port>}. */
    public String nodeAddress() {
        return PlatformConfig.HOST + ":" + port(BROKER);
    }

    /** This node in {@code controller.quorum.voters}: {@code <id>@127.0.0.1:<controller port>}. */
    String voter() {
        return nodeId + "@" + PlatformConfig.HOST + ":" + port(CONTROLLER);
    }

    @Override
    protected void prepare() {
        Path dir = serviceDir();
        security.ifPresent(PlatformSecurity::ensure);
        Log4jConfig.write(dir);
        writeServerProperties(dir.resolve("server.properties"));
        if (!Files.exists(dataDir().resolve("meta.properties"))) {
            formatStorage();
        }
    }

    /** The cluster id its storage was formatted with, if it was. */
    Optional<String> formattedClusterId() {
        Path meta = dataDir().resolve("meta.properties");
        if (!Files.exists(meta)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(meta)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + meta, e);
        }
        return Optional.ofNullable(properties.getProperty("cluster.id"));
    }

    @Override
    protected List<String> command() {
        JavaCommand command = baseCommand();
        if (security.isPresent()) {
            // Kafka only resolves config-provider references with providers this property allows
            command.systemProperty("org.apache.kafka.automatic.config.providers", FILE_CONFIG_PROVIDER);
        }
        return command
                .systemProperty("ticklake.service", name())
                .mainClass(KafkaRuntime.classpath(), "kafka.Kafka")
                .arguments(serviceDir().resolve("server.properties").toString())
                .toList();
    }

    @Override
    protected boolean probeHealth() {
        // The port opens before the broker can serve; a described cluster means it is registered.
        if (!Ports.isListening(PlatformConfig.HOST, port(BROKER))) {
            return false;
        }
        try (Admin admin = KafkaTopics.admin(nodeAddress(), adminClientSettings(), PROBE_TIMEOUT)) {
            return !admin.describeCluster().nodes().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    protected List<Endpoint> describeEndpoints() {
        return List.of(
                new Endpoint("bootstrap servers", nodeId == 1 ? bootstrapServers() : nodeAddress()),
                new Endpoint("controller", PlatformConfig.HOST + ":" + port(CONTROLLER)));
    }

    private Path dataDir() {
        return serviceDir().resolve("data");
    }

    private JavaCommand baseCommand() {
        return new JavaCommand()
                .heap(config.kafkaHeap())
                .option("-XX:+UseG1GC")
                .option("-XX:MaxGCPauseMillis=20")
                .systemProperty("log4j2.configurationFile", serviceDir().resolve("log4j2.properties").toUri().toString());
    }

    /**
     * A static quorum of every node of the cluster: the voters' addresses come from this file, so ports may
     * change between runs. Every topic, internal ones included, is replicated to min(nodes, 3) nodes.
     */
    private void writeServerProperties(Path file) {
        String host = PlatformConfig.HOST;
        String content = """
                # written by the ticklake platform launcher on every start
                process.roles=broker,controller
                node.id=%5$d
                controller.quorum.voters=%6$s
                controller.listener.names=CONTROLLER
                log.dirs=%4$s
                # %7$d node(s): every topic, the internal ones included, has %8$d replica(s), %9$d of them in sync for acks=all
                offsets.topic.replication.factor=%8$d
                transaction.state.log.replication.factor=%8$d
                transaction.state.log.min.isr=%9$d
                share.coordinator.state.topic.replication.factor=%8$d
                share.coordinator.state.topic.min.isr=%9$d
                num.partitions=1
                default.replication.factor=%8$d
                min.insync.replicas=%9$d
                # consumers in tests should not wait 3 s for a first rebalance
                group.initial.rebalance.delay.ms=0
                log.retention.hours=168
                num.network.threads=2
                num.io.threads=4
                """.formatted(host, port(BROKER), port(CONTROLLER), dataDir(), nodeId, cluster.voters(),
                config.kafkaBrokers(), config.replicationFactor(), config.minInsyncReplicas()) + listeners();
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The listeners: PLAINTEXT for clients, or SASL_SSL with its TLS and SCRAM settings. */
    private String listeners() {
        String host = PlatformConfig.HOST;
        if (security.isEmpty()) {
            return """
                    listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                    advertised.listeners=PLAINTEXT://%1$s:%2$d
                    listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                    inter.broker.listener.name=PLAINTEXT
                    """.formatted(host, port(BROKER), port(CONTROLLER));
        }
        PlatformSecurity secured = security.get();
        return """
                # secured: clients and the inter-broker link on SASL_SSL, the controller on loopback PLAINTEXT
                listeners=SASL_SSL://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                advertised.listeners=SASL_SSL://%1$s:%2$d
                listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=SASL_SSL
                sasl.enabled.mechanisms=%4$s
                sasl.mechanism.inter.broker.protocol=%4$s
                # secrets are read from the 0600 secrets file, never written here
                config.providers=file
                config.providers.file.class=%5$s
                listener.name.sasl_ssl.%6$s.sasl.jaas.config=%7$s
                ssl.keystore.type=PKCS12
                ssl.keystore.location=%8$s
                ssl.keystore.password=%9$s
                ssl.truststore.type=PKCS12
                ssl.truststore.location=%10$s
                ssl.truststore.password=%11$s
                ssl.client.auth=none
                """.formatted(host, port(BROKER), port(CONTROLLER), PlatformSecurity.MECHANISM, FILE_CONFIG_PROVIDER,
                PlatformSecurity.MECHANISM.toLowerCase(Locale.ROOT), secured.reference(PlatformSecurity.ADMIN_JAAS),
                secured.keystore(), secured.reference(PlatformSecurity.KEYSTORE_PASSWORD), secured.truststore(),
                secured.reference(PlatformSecurity.TRUSTSTORE_PASSWORD));
    }

    /**
     * Runs Kafka's storage tool, as {@code kafka-storage.sh format} does, into the service log. On a
     * secured platform it also creates the SCRAM users; their passwords go in a 0600 argument file that
     * the {@code java} launcher expands ({@code @file}), so they are never on a command line.
     */
    private void formatStorage() {
        String clusterId = cluster.clusterId();
        LOG.info("formatting Kafka storage in {} (cluster id {})", dataDir(), clusterId);
        List<String> arguments = new ArrayList<>(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted",
                "--cluster-id", clusterId, "--config", serviceDir().resolve("server.properties").toString()));
        security.ifPresent(secured -> {
            for (String[] user : new String[][] {
                    {PlatformSecurity.ADMIN_USER, secured.secret(PlatformSecurity.ADMIN_PASSWORD)},
                    {PlatformSecurity.CLIENT_USER, secured.secret(PlatformSecurity.CLIENT_PASSWORD)}}) {
                arguments.add("--add-scram");
                arguments.add(PlatformSecurity.MECHANISM + "=[name=" + user[0] + ",password=" + user[1] + "]");
            }
        });
        Path argumentFile = serviceDir().resolve("format.args");
        List<String> command = baseCommand().mainClassFromFile(KafkaRuntime.classpath(), argumentFile).toList();
        try {
            Files.deleteIfExists(argumentFile);
            Files.createFile(argumentFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            // one argument a line, quoted (the launcher's argument-file syntax)
            Files.write(argumentFile, arguments.stream().map(a -> "\"" + a + "\"").toList());
            runFormat(command);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the Kafka storage tool", e);
        } finally {
            try {
                Files.deleteIfExists(argumentFile);
            } catch (IOException e) {
                LOG.warn("could not delete {}: {}", argumentFile, e.getMessage());
            }
        }
    }

    private void runFormat(List<String> command) {
        try {
            Files.createDirectories(logFile().getParent());
            Process format = new ProcessBuilder(command)
                    .directory(serviceDir().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .redirectErrorStream(true)
                    .start();
            if (!format.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting the storage took longer than " + FORMAT_TIMEOUT);
            }
            if (format.exitValue() != 0) {
                throw new IllegalStateException("formatting the storage failed with exit code " + format.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the Kafka storage tool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the Kafka storage", e);
        }
    }
}
