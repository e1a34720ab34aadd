package io.ticklake.dashboard.testing;

import io.ticklake.infra.testing.TestPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The configuration of a dashboard under integration test, on the shared real platform: its own
 * topics (created), application id and state directory, a random HTTP port, and short timeouts so
 * that starts and rebalances finish quickly.
 */
public final class DashboardItConfig {

    public final String ticks;
    public final String kpis;
    public final String dlq;
    public final String applicationId;
    public final TestPlatform platform;

    public DashboardItConfig(TestPlatform platform, String name) {
        this.platform = platform;
        String suffix = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.ticks = "ticks-" + suffix;
        this.kpis = "kpis-" + suffix;
        this.dlq = "dlq-" + suffix;
        this.applicationId = "dashboard-" + suffix;
        platform.createTopic(ticks, 6);
        platform.createTopic(kpis, 6);
        platform.createTopic(dlq, 1);
    }

    /** The properties of one instance, with a fresh state directory and the {@link TestCredentials}. */
    public Map<String, String> properties() {
        Map<String, String> props = new HashMap<>(TestCredentials.properties());
        props.put("micronaut.server.port", "-1");
        props.put("ticklake.bootstrap-servers", platform.kafkaBootstrapServers());
        props.put("ticklake.schema-registry-url", platform.schemaRegistryUrl());
        props.put("ticklake.streams.application-id", applicationId);
        props.put("ticklake.streams.state-dir", tempDir("dashboard-state-").toString());
        props.put("ticklake.streams.config.ticklake.topic.ticks", ticks);
        props.put("ticklake.streams.config.ticklake.topic.kpis", kpis);
        props.put("ticklake.streams.config.ticklake.topic.dlq", dlq);
        // the platform is shared: one test's alert rules must not fire in another's
        props.put("ticklake.streams.config.ticklake.topic.alert.rules", "alert-rules-" + applicationId);
        props.put("ticklake.streams.config.ticklake.topic.alerts", "alerts-" + applicationId);
        props.put("ticklake.streams.config.replication.factor", "1");
        props.put("ticklake.streams.config.consumer.session.timeout.ms", "6000");
        props.put("ticklake.streams.config.consumer.heartbeat.interval.ms", "1000");
        // several instances share this JVM in tests
        props.put("ticklake.streams.config.ticklake.rocksdb.memory.bytes", Long.toString(32L << 20));
        props.put("ticklake.streams.config.ticklake.rocksdb.write.buffer.bytes", Long.toString(8L << 20));
        return props;
    }

    /** A fresh temporary directory, deleted when the test JVM exits. */
    public static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at exit
        }
    }
}
