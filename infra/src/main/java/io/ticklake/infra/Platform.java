package io.ticklake.infra;

import io.ticklake.infra.kafka.TopicSpec;
import io.ticklake.infra.security.PlatformSecurity;
import io.ticklake.infra.security.SecurityMode;
import io.ticklake.infra.service.ApicurioRegistry;
import io.ticklake.infra.service.ConnectWorker;
import io.ticklake.infra.service.KafkaBroker;
import io.ticklake.infra.service.KafkaCluster;
import io.ticklake.infra.service.MinioServer;
import io.ticklake.infra.service.PlatformService;
import io.ticklake.infra.service.ProcessService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services of the local platform, started in dependency order (Kafka's nodes, registry, MinIO,
 * Connect) and stopped in reverse. Used by the {@code infra/platform} command and by the test
 * fixture alike.
 */
public final class Platform {

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

    private final PlatformConfig config;
    private final KafkaCluster kafkaCluster;
    private final KafkaBroker kafka;
    private final ApicurioRegistry registry;
    private final MinioServer minio;
    private final ConnectWorker connect;
    private final EndpointsFile endpointsFile;
    private final Optional<PlatformSecurity> security;

    public Platform(PlatformConfig config) {
        this.config = config;
        this.security = config.security() == SecurityMode.SASL_SSL
                ? Optional.of(new PlatformSecurity(config.home().resolve("security"))) : Optional.empty();
        this.kafkaCluster = new KafkaCluster(config, TopicSpec.PLATFORM_TOPICS, security);
        this.kafka = kafkaCluster.node(1);
        this.registry = new ApicurioRegistry(config, security);
        this.minio = new MinioServer(config);
        this.connect = new ConnectWorker(config, kafka::bootstrapServers, security);
        this.endpointsFile = new EndpointsFile(config.home().resolve("endpoints.env"));
    }

    /** The credentials and certificates of a secured platform ({@code --security sasl_ssl}); empty otherwise. */
    public Optional<PlatformSecurity> security() {
        return security;
    }

    public PlatformConfig config() {
        return config;
    }

    /** Kafka's node 1 (the only one by default); its {@link KafkaBroker#bootstrapServers()} name every node. */
    public KafkaBroker kafka() {
        return kafka;
    }

    /** Every Kafka node, for starting them together and for faults on one of them. */
    public KafkaCluster kafkaCluster() {
        return kafkaCluster;
    }

    public ApicurioRegistry registry() {
        return registry;
    }

    public MinioServer minio() {
        return minio;
    }

    public ConnectWorker connect() {
        return connect;
    }

    /** All services in start order. */
    public List<ProcessService> services() {
        List<ProcessService> all = new ArrayList<>(kafkaCluster.nodes());
        all.addAll(List.of(registry, minio, connect));
        return List.copyOf(all);
    }

    /** The service called {@code name} (kafka, kafka-2 ..., registry, minio, connect). */
    public Optional<ProcessService> service(String name) {
        return services().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Starts one service and the services it needs (Connect needs Kafka). A Kafka node starts with every
     * other node that is not running, since a controller quorum needs its majority.
     */
    public void start(PlatformService service) {
        checkSecurityMode();
        if (service == connect || service instanceof KafkaBroker) {
            kafkaCluster.start();
        }
        if (!(service instanceof KafkaBroker)) {
            service.start();
        }
        writeClientConfig();
    }

    /**
     * Starts every service that is not running, in order, each waited for until healthy. Port
     * conflicts are found before anything starts; if a service fails, the services this call
     * started are stopped again and the failure is rethrown.
     */
    public void up(PlatformListener listener) {
        checkSecurityMode();
        checkDistinctPorts();
        for (ProcessService service : services()) {
            service.checkCanStart();
        }
        List<ProcessService> startedNow = new ArrayList<>();
        Map<ProcessService, Boolean> runningBefore = new HashMap<>();
        services().forEach(service -> runningBefore.put(service, service.isRunning()));
        for (ProcessService service : services()) {
            boolean wasRunning = runningBefore.get(service);
            listener.starting(service);
            long begin = System.nanoTime();
            try {
                if (service instanceof KafkaBroker) {
                    kafkaCluster.start(); // the first node starts them all; later ones find theirs running
                } else {
                    service.start();
                }
            } catch (RuntimeException e) {
                rollBack(startedNow, listener);
                throw e;
            }
            if (!wasRunning) {
                startedNow.add(service);
            }
            listener.started(service, wasRunning, Duration.ofNanos(System.nanoTime() - begin));
        }
        writeClientConfig();
        endpointsFile.write(this);
    }

    /** Stops every service this data directory's pid files name, in reverse start order. */
    public void down(PlatformListener listener) {
        List<ProcessService> reversed = new ArrayList<>(services());
        Collections.reverse(reversed);
        Map<ProcessService, Boolean> wasRunning = new HashMap<>();
        reversed.forEach(service -> wasRunning.put(service, service.isRunning()));
        for (ProcessService service : reversed) {
            long begin = System.nanoTime();
            if (service instanceof KafkaBroker) {
                kafkaCluster.stop(); // all nodes at once; the later nodes find theirs stopped
            } else {
                service.stop();
            }
            listener.stopped(service, wasRunning.get(service), Duration.ofNanos(System.nanoTime() - begin));
        }
        endpointsFile.delete();
    }

    /** On a secured platform, (re)writes the client properties with the addresses of the services started. */
    private void writeClientConfig() {
        security.ifPresent(secured -> secured.writeClientConfig(
                kafka.ports().isEmpty() ? null : kafka.bootstrapServers(),
                registry.ports().isEmpty() ? null : registry.schemaRegistryUrl()));
    }

    /**
     * A data directory keeps the security mode of its first start: the SCRAM users exist only if the
     * broker's storage was formatted secured, and clients of a running platform need its mode.
     */
    private void checkSecurityMode() {
        Path marker = config.home().resolve(PlatformConfig.SECURITY_MODE_FILE);
        String mode = config.security().name().toLowerCase(Locale.ROOT);
        try {
            if (!Files.exists(marker)) {
                if (config.security() == SecurityMode.SASL_SSL
                        && Files.exists(config.serviceDir(KafkaBroker.NAME).resolve("data").resolve("meta.properties"))) {
                    throw new IllegalArgumentException(config.home() + " holds a broker formatted without SCRAM users:"
                            + " use another --home for --security sasl_ssl");
                }
                Files.createDirectories(config.home());
                Files.writeString(marker, mode + "\n");
                return;
            }
            String recorded = Files.readString(marker).strip();
            if (!recorded.equals(mode)) {
                throw new IllegalArgumentException(config.home() + " was set up with security " + recorded + ", not "
                        + mode + ": pass --security " + recorded + " (TICKLAKE_SECURITY), or use another --home");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + marker, e);
        }
    }

    private void rollBack(List<ProcessService> startedNow, PlatformListener listener) {
        List<ProcessService> reversed = new ArrayList<>(startedNow);
        Collections.reverse(reversed);
        for (ProcessService service : reversed) {
            LOG.info("stopping {} again because a later service failed to start", service.name());
            try {
                long begin = System.nanoTime();
                service.stop();
                listener.stopped(service, true, Duration.ofNanos(System.nanoTime() - begin));
            } catch (RuntimeException e) {
                LOG.warn("could not stop {}: {}", service.name(), e.getMessage());
            }
        }
    }

    private void checkDistinctPorts() {
        Map<Integer, String> owners = new HashMap<>();
        Map<String, Integer> configured = Map.of(
                "--kafka-port", config.kafkaPort(), "--controller-port", config.controllerPort(),
                "--registry-port", config.registryPort(), "--connect-port", config.connectPort(),
                "--minio-port", config.minioPort(), "--minio-console-port", config.minioConsolePort());
        configured.forEach((flag, port) -> {
            String other = owners.putIfAbsent(port, flag);
            if (port != 0 && other != null) {
                throw new IllegalArgumentException(flag + " and " + other + " are both " + port + "; each service needs its own port");
            }
        });
    }
}
