package io.ticklake.infra;

import io.ticklake.infra.kafka.TopicSpec;
import io.ticklake.infra.service.ApicurioRegistry;
import io.ticklake.infra.service.ConnectWorker;
import io.ticklake.infra.service.KafkaBroker;
import io.ticklake.infra.service.MinioServer;
import io.ticklake.infra.service.PlatformService;
import io.ticklake.infra.service.ProcessService;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four services of the local platform, started in dependency order (Kafka, registry, MinIO,
 * Connect) and stopped in reverse. Used by the {@code infra/platform} command and by the test
 * fixture alike.
 */
public final class Platform {

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

    private final PlatformConfig config;
    private final KafkaBroker kafka;
    private final ApicurioRegistry registry;
    private final MinioServer minio;
    private final ConnectWorker connect;
    private final EndpointsFile endpointsFile;

    public Platform(PlatformConfig config) {
        this.config = config;
        this.kafka = new KafkaBroker(config, TopicSpec.PLATFORM_TOPICS);
        this.registry = new ApicurioRegistry(config);
        this.minio = new MinioServer(config);
        this.connect = new ConnectWorker(config, kafka::bootstrapServers);
        this.endpointsFile = new EndpointsFile(config.home().resolve("endpoints.env"));
    }

    public PlatformConfig config() {
        return config;
    }

    public KafkaBroker kafka() {
        return kafka;
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
        return List.of(kafka, registry, minio, connect);
    }

    /** The service called {@code name} (kafka, registry, minio, connect). */
    public Optional<ProcessService> service(String name) {
        return services().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Starts one service and the services it needs (Connect needs Kafka). */
    public void start(PlatformService service) {
        if (service == connect) {
            kafka.start();
        }
        service.start();
    }

    /**
     * Starts every service that is not running, in order, each waited for until healthy. Port
     * conflicts are found before anything starts; if a service fails, the services this call
     * started are stopped again and the failure is rethrown.
     */
    public void up(PlatformListener listener) {
        checkDistinctPorts();
        for (ProcessService service : services()) {
            service.checkCanStart();
        }
        List<ProcessService> startedNow = new ArrayList<>();
        for (ProcessService service : services()) {
            boolean wasRunning = service.isRunning();
            listener.starting(service);
            long begin = System.nanoTime();
            try {
                service.start();
            } catch (RuntimeException e) {
                rollBack(startedNow, listener);
                throw e;
            }
            if (!wasRunning) {
                startedNow.add(service);
            }
            listener.started(service, wasRunning, Duration.ofNanos(System.nanoTime() - begin));
        }
        endpointsFile.write(this);
    }

    /** Stops every service this data directory's pid files name, in reverse start order. */
    public void down(PlatformListener listener) {
        List<ProcessService> reversed = new ArrayList<>(services());
        Collections.reverse(reversed);
        for (ProcessService service : reversed) {
            boolean wasRunning = service.isRunning();
            long begin = System.nanoTime();
            service.stop();
            listener.stopped(service, wasRunning, Duration.ofNanos(System.nanoTime() - begin));
        }
        endpointsFile.delete();
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
