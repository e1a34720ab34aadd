package io.ticklake.streams.testing;

import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.streams.StreamsAppConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Configuration of an application under integration test: its own topics (created), application
 * id and state directory, short timeouts so that restarts and rebalances finish quickly.
 */
public final class ItConfig {

    public final String ticks;
    public final String kpis;
    public final String dlq;
    public final String applicationId;
    private final TestPlatform platform;

    public ItConfig(TestPlatform platform, String name, int partitions) {
        this.platform = platform;
        String suffix = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.ticks = "ticks-" + suffix;
        this.kpis = "kpis-" + suffix;
        this.dlq = "dlq-" + suffix;
        this.applicationId = "kpis-" + suffix;
        platform.createTopic(ticks, partitions);
        platform.createTopic(kpis, partitions);
        platform.createTopic(dlq, 1);
    }

    /** Properties of one instance with a fresh state directory; {@code overrides} on top. */
    public Map<String, Object> instance(Map<String, Object> overrides) {
        Map<String, Object> props = new HashMap<>();
        props.put(StreamsAppConfig.BOOTSTRAP_SERVERS, platform.kafkaBootstrapServers());
        props.put(StreamsAppConfig.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl());
        props.put(StreamsAppConfig.APPLICATION_ID, applicationId);
        props.put(StreamsAppConfig.TICKS_TOPIC, ticks);
        props.put(StreamsAppConfig.KPIS_TOPIC, kpis);
        props.put(StreamsAppConfig.DLQ_TOPIC, dlq);
        props.put(StreamsAppConfig.STATE_DIR, tempDir("kpi-state-").toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 6_000);
        props.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), 1_000);
        props.put(StreamsConfig.PROBING_REBALANCE_INTERVAL_MS_CONFIG, 60_000);
        // small RocksDB budget: several instances share this JVM in tests
        props.put(StreamsAppConfig.ROCKSDB_MEMORY_BYTES, 32L << 20);
        props.put(StreamsAppConfig.ROCKSDB_WRITE_BUFFER_BYTES, 8L << 20);
        props.putAll(overrides);
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
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at exit
        }
    }
}
