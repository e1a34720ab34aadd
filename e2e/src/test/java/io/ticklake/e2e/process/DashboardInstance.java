package io.ticklake.e2e.process;

import io.ticklake.e2e.kafka.Topics;
import io.ticklake.e2e.web.DashboardClient;
import io.ticklake.e2e.web.DashboardCredentials;
import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.process.Ports;
import io.ticklake.infra.runtime.JavaCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One dashboard-api instance (the Micronaut app hosting the streams topology) as its own JVM, run
 * from the packaged {@code dashboard-api.jar} and configured the way its README documents:
 * {@code TICKLAKE_*} environment variables, {@code -Dticklake.streams.config.*} pass-through keys, and a
 * secured cluster's client properties file ({@code TICKLAKE_KAFKA_CLIENT_CONFIG}).
 * Instances with the same application id share the partitions, as in production.
 */
public final class DashboardInstance implements AutoCloseable {

    private final String name;
    private final int port;
    private final ChildProcess process;

    /**
     * What an instance is started with.
     *
     * @param bootstrapServers Kafka
     * @param registryUrl      the schema registry
     * @param applicationId    Kafka Streams application id (same id: same group)
     * @param topics           its input, KPI and DLQ topics
     * @param lake             lake URI of the analytics models for the history endpoints, or null
     * @param streamsConfig    further streams-app / Kafka Streams keys
     * @param clientConfig     a Kafka client properties file with the cluster's security settings and
     *                         secrets ({@code TICKLAKE_KAFKA_CLIENT_CONFIG}), or null
     */
    public record Settings(String bootstrapServers, String registryUrl, String applicationId, Topics topics,
                           String lake, Map<String, String> streamsConfig, Path clientConfig) {

        /** Settings for an unsecured cluster. */
        public Settings(String bootstrapServers, String registryUrl, String applicationId, Topics topics,
                        String lake, Map<String, String> streamsConfig) {
            this(bootstrapServers, registryUrl, applicationId, topics, lake, streamsConfig, null);
        }
    }

    private DashboardInstance(String name, int port, ChildProcess process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** Starts the instance on a free port with its own state directory under {@code workDir}; does not wait. */
    public static DashboardInstance start(String name, Artifacts artifacts, Settings settings, Path workDir) {
        int port = Ports.pickFree(PlatformConfig.HOST);
        Path stateDir = workDir.resolve(name + "-state");
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> streams = new LinkedHashMap<>();
        streams.put("ticklake.topic.ticks", settings.topics().ticks());
        streams.put("ticklake.topic.kpis", settings.topics().kpis());
        streams.put("ticklake.topic.dlq", settings.topics().dlq());
        streams.putAll(settings.streamsConfig());
        JavaCommand command = new JavaCommand().heap("512m").option("-XX:MaxGCPauseMillis=20");
        streams.forEach((key, value) -> command.systemProperty("ticklake.streams.config." + key, value));
        command.jar(artifacts.dashboardJar());

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        environment.put("TICKLAKE_BOOTSTRAP_SERVERS", settings.bootstrapServers());
        environment.put("TICKLAKE_SCHEMA_REGISTRY_URL", settings.registryUrl());
        environment.put("TICKLAKE_STREAMS_APPLICATION_ID", settings.applicationId());
        environment.put("TICKLAKE_STREAMS_STATE_DIR", stateDir.toString());
        environment.putAll(DashboardCredentials.environment());
        if (settings.lake() != null) {
            environment.put("TICKLAKE_LAKE", settings.lake());
        }
        if (settings.clientConfig() != null) {
            environment.put("TICKLAKE_KAFKA_CLIENT_CONFIG", settings.clientConfig().toString());
        }
        ChildProcess process = ChildProcess.start("dashboard-" + name, command.toList(), environment, workDir,
                workDir.resolve(name + ".log"));
        return new DashboardInstance(name, port, process);
    }

    public String name() {
        return name;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://" + PlatformConfig.HOST + ":" + port;
    }

    /** Waits until {@code /health/readiness} is UP (Kafka Streams running, nothing restoring). */
    public DashboardInstance awaitReady(Duration timeout) {
        new DashboardClient(url()).awaitReady(timeout, process::isAlive, () -> "last lines:\n" + process.logTail(60));
        return this;
    }

    /** True when the readiness probe answers 200. */
    public boolean isReady() {
        return new DashboardClient(url()).isReady();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the instance dies without leaving its group or committing. */
    public void kill() {
        process.kill();
    }

    public String logTail(int lines) {
        return process.logTail(lines);
    }

    @Override
    public void close() {
        process.close();
    }
}
