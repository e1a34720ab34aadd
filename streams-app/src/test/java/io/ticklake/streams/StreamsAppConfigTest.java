package io.ticklake.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.streams.kpi.EmitMode;
import io.ticklake.streams.rocksdb.BoundedMemoryRocksDbConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsAppConfigTest {

    private static Map<String, Object> minimal() {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", "127.0.0.1:9092");
        props.put("schema.registry.url", "http://127.0.0.1:8081");
        return props;
    }

    @Test
    void defaultsAreExactlyOnceWithTheContractTopics() {
        StreamsAppConfig config = new StreamsAppConfig(minimal());
        assertThat(config.ticksTopic()).isEqualTo("stock-ticks");
        assertThat(config.kpisTopic()).isEqualTo("stock-kpis");
        assertThat(config.dlqTopic()).isEqualTo("stock-ticks-dlq");
        assertThat(config.graceMs()).isEqualTo(10_000L);
        assertThat(config.historyMs()).isEqualTo(86_400_000L);
        assertThat(config.emitMode()).isEqualTo(EmitMode.UPDATE);
        assertThat(config.allWindows()).extracting(window -> window.label()).containsExactly("1m", "5m", "15m", "1h");
        assertThat(config.applicationServer()).isNull();

        Properties streams = config.streamsProperties();
        assertThat(streams.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(streams.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
                .isEqualTo(BoundedMemoryRocksDbConfig.class);
        assertThat(streams.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(0);
        assertThat(streams.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(1_000L);
        assertThat(streams).doesNotContainKey(StreamsConfig.APPLICATION_SERVER_CONFIG)
                .doesNotContainKey(StreamsConfig.STATE_DIR_CONFIG);
        assertThat((Long) streams.get(BoundedMemoryRocksDbConfig.MEMORY_BYTES)).isLessThanOrEqualTo(256L << 20);
    }

    @Test
    void otherKafkaStreamsKeysPassThrough() {
        Map<String, Object> props = minimal();
        props.put("commit.interval.ms", "250");
        props.put("num.standby.replicas", "1");
        Properties streams = new StreamsAppConfig(props).streamsProperties();
        assertThat(streams.get("commit.interval.ms")).isEqualTo(250L);
        assertThat(streams.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
    }

    @Test
    void aQueryableInstanceIsAStaticGroupMemberNamedByItsEndpoint() {
        Map<String, Object> props = minimal();
        props.put("application.server", "127.0.0.1:8080");
        String key = StreamsConfig.mainConsumerPrefix("group.instance.id");
        StreamsAppConfig config = new StreamsAppConfig(props);
        assertThat(config.streamsProperties().get(key)).isEqualTo(config.applicationId() + "-127.0.0.1_8080");

        props.put("group.instance.id", "chosen-by-the-operator");
        assertThat(new StreamsAppConfig(props).streamsProperties()).doesNotContainKey(key)
                .containsEntry("group.instance.id", "chosen-by-the-operator");
        assertThat(new StreamsAppConfig(minimal()).streamsProperties()).doesNotContainKey(key);
    }

    @Test
    void badValuesNameTheKeyAndWhatIsAllowed() {
        Map<String, Object> emit = minimal();
        emit.put(StreamsAppConfig.EMIT_MODE, "sometimes");
        assertThatThrownBy(() -> new StreamsAppConfig(emit)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ticklake.emit.mode").hasMessageContaining("one of: update, final");

        Map<String, Object> rollups = minimal();
        rollups.put(StreamsAppConfig.ROLLUP_WINDOWS, "5m,7x");
        assertThatThrownBy(() -> new StreamsAppConfig(rollups)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ticklake.windows.rollups").hasMessageContaining("'7x' is not a window size");

        Map<String, Object> history = minimal();
        history.put(StreamsAppConfig.HISTORY_MS, 30 * 60_000L);
        assertThatThrownBy(() -> new StreamsAppConfig(history)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ticklake.history.ms").hasMessageContaining("at least 3670000");

        Map<String, Object> future = minimal();
        future.put(StreamsAppConfig.MAX_FUTURE_MS, 60_000L);
        assertThatThrownBy(() -> new StreamsAppConfig(future)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ticklake.validation.max.future.ms").hasMessageContaining("ticklake.grace.ms");
        assertThat(new StreamsAppConfig(minimal()).maxFutureMs()).isEqualTo(StreamsAppConfig.GRACE_MS_DEFAULT);

        Map<String, Object> repartition = minimal();
        repartition.put(StreamsAppConfig.REPARTITION_BY_SYMBOL, "sometimes");
        assertThatThrownBy(() -> new StreamsAppConfig(repartition)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ticklake.repartition.by.symbol").hasMessageContaining("true or false");
        assertThat(new StreamsAppConfig(minimal()).repartitionBySymbol()).isFalse();
        Map<String, Object> repartitionFinal = minimal();
        repartitionFinal.put(StreamsAppConfig.REPARTITION_BY_SYMBOL, "true");
        repartitionFinal.put(StreamsAppConfig.EMIT_MODE, "final");
        assertThatThrownBy(() -> new StreamsAppConfig(repartitionFinal)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ticklake.repartition.by.symbol").hasMessageContaining("ticklake.emit.mode=update");

        Map<String, Object> server = minimal();
        server.put(StreamsAppConfig.APPLICATION_SERVER, "no-port");
        assertThatThrownBy(() -> new StreamsAppConfig(server)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("application.server");

        assertThatThrownBy(() -> new StreamsAppConfig(Map.of("schema.registry.url", "mock://x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bootstrap.servers");
    }

    @Test
    void theConfigurationTableListsEveryKey() {
        String table = StreamsAppConfig.markdownTable();
        for (String key : StreamsAppConfig.CONFIG.names()) {
            assertThat(table).contains("| `" + key + "` |");
        }
    }
}
