package io.ticklake.dashboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import io.ticklake.streams.StreamsAppConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertiesTest {

    @Test
    void platformDefaultsToTheLocalPlatform() {
        try (ApplicationContext context = ApplicationContext.run()) {
            PlatformProperties platform = context.getBean(PlatformProperties.class);

            assertThat(platform.getBootstrapServers()).isEqualTo("127.0.0.1:9092");
            assertThat(platform.getSchemaRegistryUrl()).isEqualTo("http://127.0.0.1:8081/apis/ccompat/v7");
        }
    }

    @Test
    void streamsConfigurationCombinesPlatformNamedKeysAndPassThrough() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "ticklake.bootstrap-servers", "broker-1:9092,broker-2:9092",
                "ticklake.schema-registry-url", "http://registry:8081",
                "ticklake.streams.application-id", "kpis-blue",
                "ticklake.streams.advertised-host", "dash-3.internal",
                "ticklake.streams.state-dir", "/var/lib/ticklake",
                "ticklake.streams.config.num.stream.threads", "2",
                "ticklake.streams.config.ticklake.windows.rollups", "5m,30m"))) {
            StreamsProperties streams = context.getBean(StreamsProperties.class);
            StreamsAppConfig config = streams.toStreamsConfig(context.getBean(PlatformProperties.class), 8085);

            assertThat(config.getList(StreamsAppConfig.BOOTSTRAP_SERVERS)).containsExactly("broker-1:9092",
                    "broker-2:9092");
            assertThat(config.applicationId()).isEqualTo("kpis-blue");
            assertThat(config.applicationServer().host()).isEqualTo("dash-3.internal");
            assertThat(config.applicationServer().port()).isEqualTo(8085);
            assertThat(config.getInt(StreamsAppConfig.NUM_STREAM_THREADS)).isEqualTo(2);
            assertThat(config.allWindows()).extracting(w -> w.label()).containsExactly("1m", "5m", "30m");
            assertThat(config.streamsProperties().get(StreamsAppConfig.STATE_DIR)).isEqualTo("/var/lib/ticklake");
        }
    }

    @Test
    void aKafkaClientConfigFileGivesItsSecuritySettingsButNotItsAddresses(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("client.properties"), """
                bootstrap.servers=elsewhere:9092
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="p";
                schema.registry.ssl.truststore.location=/etc/ticklake/ca.p12
                """);
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "ticklake.bootstrap-servers", "broker-1:9093",
                "ticklake.kafka-client-config", file.toString(),
                "ticklake.streams.config.sasl.mechanism", "PLAIN"))) {
            StreamsAppConfig config = context.getBean(StreamsProperties.class)
                    .toStreamsConfig(context.getBean(PlatformProperties.class), 8085);

            assertThat(config.getList(StreamsAppConfig.BOOTSTRAP_SERVERS)).containsExactly("broker-1:9093");
            assertThat(config.streamsProperties()).containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "PLAIN");
            assertThat(config.serdeConfig()).containsEntry("schema.registry.ssl.truststore.location", "/etc/ticklake/ca.p12");
        }
    }

    @Test
    void aMissingKafkaClientConfigFileStopsTheStartAndNamesTheProperty(@TempDir Path dir) {
        assertThatThrownBy(() -> startAndGet(Map.of("ticklake.kafka-client-config",
                dir.resolve("missing.properties").toString()), StreamsProperties.class))
                .hasStackTraceContaining("ticklake.kafka-client-config (TICKLAKE_KAFKA_CLIENT_CONFIG): cannot read "
                        + dir.resolve("missing.properties"));
    }

    @Test
    void theDefaultStateDirectoryIsPerApplicationAndPort() {
        try (ApplicationContext context = ApplicationContext.run()) {
            StreamsAppConfig config = context.getBean(StreamsProperties.class)
                    .toStreamsConfig(context.getBean(PlatformProperties.class), 8181);

            assertThat(config.streamsProperties().get(StreamsAppConfig.STATE_DIR).toString())
                    .endsWith("ticklake-kpis-8181");
            assertThat(context.getBean(StreamsProperties.class).toStreamsConfig(
                    context.getBean(PlatformProperties.class), null).applicationServer()).isNull();
        }
    }

    @Test
    void aBadStreamsKeyStopsTheStartAndNamesItself() {
        assertThatThrownBy(() -> startAndGet(Map.of("ticklake.streams.config.ticklake.emit.mode", "sometimes"),
                StreamsProperties.class))
                .hasRootCauseInstanceOf(ConfigException.class).rootCause().hasMessageContaining("ticklake.emit.mode");
    }

    @Test
    void pushPropertiesBindWithTheirDefaults() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "ticklake.push.buffer-size", "16",
                "ticklake.push.overflow", "disconnect",
                "ticklake.push.heartbeat-interval", "3s"))) {
            PushProperties push = context.getBean(PushProperties.class);

            assertThat(push.getBufferSize()).isEqualTo(16);
            assertThat(push.getOverflow()).isEqualTo(PushProperties.Overflow.DISCONNECT);
            assertThat(push.getHeartbeatInterval()).isEqualTo(Duration.ofSeconds(3));
            assertThat(push.getMaxBatch()).isEqualTo(512);
            assertThat(push.getAllowedOrigins()).isEmpty();
            assertThat(push.getMaxSessions()).isEqualTo(1000);
            assertThat(push.getMaxSessionsPerPrincipal()).isEqualTo(20);
            assertThat(push.getMaxSymbolsPerSession()).isEqualTo(5000);
            assertThat(push.getMaxQueuedBytes()).isEqualTo(8L << 20);
            assertThat(push.getMaxMessagesPerSecond()).isEqualTo(20);
        }
    }

    @Test
    void webSocketLimitsBind() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "ticklake.push.allowed-origins", "https://a.example,https://b.example",
                "ticklake.push.max-sessions-per-principal", "3",
                "ticklake.push.max-queued-bytes", "65536"))) {
            PushProperties push = context.getBean(PushProperties.class);

            assertThat(push.getAllowedOrigins()).containsExactly("https://a.example", "https://b.example");
            assertThat(push.getMaxSessionsPerPrincipal()).isEqualTo(3);
            assertThat(push.getMaxQueuedBytes()).isEqualTo(65536);
        }
    }

    @Test
    void aBufferOfNothingIsRefused() {
        assertThatThrownBy(() -> startAndGet(Map.of("ticklake.push.buffer-size", "0"), PushProperties.class))
                .isInstanceOf(BeanInstantiationException.class).hasStackTraceContaining("bufferSize");
    }

    @Test
    void apiLimitsBind() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "ticklake.api.default-range-windows", "30", "ticklake.api.max-range-windows", "600"))) {
            ApiProperties api = context.getBean(ApiProperties.class);

            assertThat(api.getDefaultRangeWindows()).isEqualTo(30);
            assertThat(api.getMaxRangeWindows()).isEqualTo(600);
        }
    }

    /** Beans created at start (scheduled, metrics) may fail first: either way the context must not come up. */
    private static <T> T startAndGet(Map<String, Object> properties, Class<T> type) {
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            return context.getBean(type);
        }
    }
}
