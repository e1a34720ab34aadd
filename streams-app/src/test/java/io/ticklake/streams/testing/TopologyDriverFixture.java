package io.ticklake.streams.testing;

import io.ticklake.schemas.Alert;
import io.ticklake.schemas.AlertRule;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.schemas.registry.InMemorySchemaRegistryClient;
import io.ticklake.schemas.serde.KafkaAvroSerializer;
import io.ticklake.schemas.serde.SpecificAvroSerde;
import io.ticklake.streams.KpiTopology;
import io.ticklake.streams.StreamsAppConfig;
import io.ticklake.streams.kpi.Candle;
import io.ticklake.streams.live.ChangedMinutes;
import io.ticklake.streams.live.LiveTaps;
import io.ticklake.streams.query.KpiViews;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The production topology in a {@link TopologyTestDriver}, with an in-memory registry scope of its
 * own, a wall clock fixed at {@code wallClock}, and the topics: ticks and alert rules in (Avro, or raw bytes for
 * poison pills; their records are stamped {@code wallClock}, as by a producer sending then), KPIs, alerts and DLQ
 * records out. Close it after the test.
 */
public final class TopologyDriverFixture implements AutoCloseable {

    private final String registryScope = "streams-test-" + UUID.randomUUID();
    private final StreamsAppConfig config;
    private final TopologyTestDriver driver;
    private final Path stateDir;
    private final Instant wallClock;
    private final SpecificAvroSerde<WindowKpi> kpiSerde = new SpecificAvroSerde<>();
    private final SpecificAvroSerde<Alert> alertSerde = new SpecificAvroSerde<>();
    private final KafkaAvroSerializer avroSerializer = new KafkaAvroSerializer();

    /** @param overrides configuration on top of the test defaults (mock registry, no record cache) */
    public TopologyDriverFixture(Map<String, Object> overrides, Instant wallClock) throws Exception {
        this(overrides, wallClock, new ChangedMinutes(1));
    }

    /** The same, with the topology marking changed minutes in {@code changes} (the provisional push). */
    public TopologyDriverFixture(Map<String, Object> overrides, Instant wallClock, ChangedMinutes changes)
            throws Exception {
        this(overrides, wallClock, new LiveTaps(changes, LiveTaps.none().alerts()));
    }

    /** The same, with the topology reporting to {@code taps} (the provisional push of KPIs and alerts). */
    public TopologyDriverFixture(Map<String, Object> overrides, Instant wallClock, LiveTaps taps) throws Exception {
        this.wallClock = wallClock;
        Map<String, Object> props = new HashMap<>();
        props.put(StreamsAppConfig.BOOTSTRAP_SERVERS, "unused:9092");
        props.put(StreamsAppConfig.SCHEMA_REGISTRY_URL, "mock://" + registryScope);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        // final results are emitted on every record here, not at most once per second of wall clock
        props.put(StreamsConfig.InternalConfig.EMIT_INTERVAL_MS_KSTREAMS_WINDOWED_AGGREGATION, 0L);
        stateDir = Files.createTempDirectory("kpi-topology-test");
        props.put(StreamsAppConfig.STATE_DIR, stateDir.toString());
        props.putAll(overrides);
        this.config = new StreamsAppConfig(props);
        Properties streamsProps = config.streamsProperties();
        this.driver = new TopologyTestDriver(KpiTopology.topology(config, taps), streamsProps, wallClock);
        Map<String, Object> serdeConfig = Map.of(StreamsAppConfig.SCHEMA_REGISTRY_URL, "mock://" + registryScope);
        kpiSerde.configure(serdeConfig, false);
        alertSerde.configure(serdeConfig, false);
        avroSerializer.configure(serdeConfig, false);
    }

    public StreamsAppConfig config() {
        return config;
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    /** The ticks topic with Avro values (schemas registered in this fixture's registry scope). */
    public TestInputTopic<String, StockTick> ticks() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Serializer<StockTick> values = (Serializer) avroSerializer;
        return driver.createInputTopic(config.ticksTopic(), new StringSerializer(), values, wallClock, Duration.ZERO);
    }

    /** The ticks topic with raw value bytes, for poison pills. */
    public TestInputTopic<String, byte[]> rawTicks() {
        return driver.createInputTopic(config.ticksTopic(), new StringSerializer(), new ByteArraySerializer(),
                wallClock, Duration.ZERO);
    }

    /** Avro bytes of {@code tick} as a producer would send them. */
    public byte[] avroBytes(StockTick tick) {
        return avroSerializer.serialize(config.ticksTopic(), tick);
    }

    public TestOutputTopic<String, WindowKpi> kpis() {
        return driver.createOutputTopic(config.kpisTopic(), new StringDeserializer(), kpiSerde.deserializer());
    }

    /** The alert rules topic keyed by rule id (Avro values; a null value is a tombstone). */
    public TestInputTopic<String, AlertRule> alertRules() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Serializer<AlertRule> values = (Serializer) avroSerializer;
        return driver.createInputTopic(config.alertRulesTopic(), new StringSerializer(), values, wallClock,
                Duration.ZERO);
    }

    public TestOutputTopic<String, Alert> alerts() {
        return driver.createOutputTopic(config.alertsTopic(), new StringDeserializer(), alertSerde.deserializer());
    }

    public TestOutputTopic<byte[], byte[]> dlq() {
        return driver.createOutputTopic(config.dlqTopic(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The query views over the driver's stores (all partitions are one here). */
    public KpiViews views() {
        return new KpiViews(driver.<String, Candle>getTimestampedWindowStore(KpiTopology.CANDLES_STORE),
                driver.<String, Long>getKeyValueStore(KpiTopology.SYMBOL_INDEX_STORE));
    }

    @Override
    public void close() throws Exception {
        driver.close();
        kpiSerde.close();
        alertSerde.close();
        InMemorySchemaRegistryClient.dropScope(registryScope);
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
