package io.ticklake.infra.service;

import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.kafka.KafkaTopics;
import io.ticklake.infra.kafka.TopicSpec;
import io.ticklake.infra.process.Ports;
import io.ticklake.infra.runtime.JavaCommand;
import io.ticklake.infra.runtime.KafkaRuntime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (combined broker and controller) from the Maven Central jars.
 * Its storage is formatted on the first start only, so data survives stops and kills.
 */
public final class KafkaBroker extends ProcessService {

    public static final String NAME = "kafka";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final String BROKER = "broker";
    private static final String CONTROLLER = "controller";
    private static final Duration FORMAT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final List<TopicSpec> topics;

    /** @param topics created after every fresh start (existing topics are left as they are) */
    public KafkaBroker(PlatformConfig config, List<TopicSpec> topics) {
        super(NAME, config, List.of(
                new ServicePort(BROKER, config.kafkaPort(), "TICKLAKE_KAFKA_PORT"),
                new ServicePort(CONTROLLER, config.controllerPort(), "TICKLAKE_CONTROLLER_PORT")));
        this.topics = List.copyOf(topics);
    }

    /** {@code 127.0.0.1:<port>}, what clients put in {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return PlatformConfig.HOST + ":" + port(BROKER);
    }

    @Override
    protected void prepare() {
        Path dir = serviceDir();
        Log4jConfig.write(dir);
        writeServerProperties(dir.resolve("server.properties"));
        if (!Files.exists(dataDir().resolve("meta.properties"))) {
            formatStorage();
        }
    }

    @Override
    protected List<String> command() {
        return baseCommand()
                .systemProperty("ticklake.service", NAME)
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
        try (Admin admin = KafkaTopics.admin(bootstrapServers(), PROBE_TIMEOUT)) {
            return !admin.describeCluster().nodes().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    protected void afterHealthy() {
        if (topics.isEmpty()) {
            return;
        }
        Map<String, Integer> actual = KafkaTopics.ensure(bootstrapServers(), topics);
        for (TopicSpec topic : topics) {
            Integer partitions = actual.get(topic.name());
            if (partitions != null && partitions != topic.partitions()) {
                LOG.warn("topic {} exists with {} partitions instead of {}; left as it is", topic.name(), partitions, topic.partitions());
            }
        }
    }

    @Override
    protected List<Endpoint> describeEndpoints() {
        return List.of(
                new Endpoint("bootstrap servers", bootstrapServers()),
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

    /** A static one-voter quorum: the voter's address comes from this file, so ports may change between runs. */
    private void writeServerProperties(Path file) {
        String host = PlatformConfig.HOST;
        String content = """
                # written by the ticklake platform launcher on every start
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@%1$s:%3$d
                listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                advertised.listeners=PLAINTEXT://%1$s:%2$d
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%4$s
                # one broker: every internal topic has one replica
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                num.partitions=1
                default.replication.factor=1
                # consumers in tests should not wait 3 s for a first rebalance
                group.initial.rebalance.delay.ms=0
                log.retention.hours=168
                num.network.threads=2
                num.io.threads=4
                """.formatted(host, port(BROKER), port(CONTROLLER), dataDir());
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Runs Kafka's storage tool, as {@code kafka-storage.sh format} does, into the service log. */
    private void formatStorage() {
        String clusterId = Uuid.randomUuid().toString();
        LOG.info("formatting Kafka storage in {} (cluster id {})", dataDir(), clusterId);
        List<String> command = baseCommand()
                .mainClass(KafkaRuntime.classpath(), "kafka.tools.StorageTool")
                .arguments("format", "--ignore-formatted", "--cluster-id", clusterId,
                        "--config", serviceDir().resolve("server.properties").toString())
                .toList();
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
