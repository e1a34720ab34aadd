package io.ticklake.connect;

import io.ticklake.connect.config.TickLakeSinkConfig;
import io.ticklake.connect.storage.ObjectStore;
import io.ticklake.connect.storage.ObjectStores;
import io.ticklake.connect.storage.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands raw StockTicks as hour-partitioned Parquet in S3, MinIO or a local directory, exactly once.
 * Thin by design: it validates the configuration and hands a copy to every task; the work happens
 * in {@link TickLakeSinkTask}.
 */
public class TickLakeSinkConnector extends SinkConnector {

    private static final Logger LOG = LoggerFactory.getLogger(TickLakeSinkConnector.class);
    static final String VALUE_CONVERTER = "value.converter";
    static final String BYTE_ARRAY_CONVERTER = "org.apache.kafka.connect.converters.ByteArrayConverter";

    private Map<String, String> props;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        TickLakeSinkConfig config = new TickLakeSinkConfig(props);
        this.props = Map.copyOf(props);
        LOG.info("Starting the TickLake sink into {}", config.lakeUri());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return TickLakeSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) {
            configs.add(new HashMap<>(props));
        }
        return configs;
    }

    @Override
    public void stop() {
        LOG.info("Stopped the TickLake sink");
    }

    @Override
    public ConfigDef config() {
        return TickLakeSinkConfig.CONFIG_DEF;
    }

    /**
     * Beyond each key's own validator: the value converter must hand over bytes, and the store must
     * exist. The store check reports only definite answers (no such bucket); an unreachable store
     * does not block creating the connector, its tasks retry.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        String converter = connectorConfigs.get(VALUE_CONVERTER);
        if (converter != null && !BYTE_ARRAY_CONVERTER.equals(converter.trim())) {
            value(result, VALUE_CONVERTER).ifPresent(v -> v.addErrorMessage("must be " + BYTE_ARRAY_CONVERTER
                    + ": the sink decodes Confluent-wire Avro itself, so that a bad record reaches the dead-letter"
                    + " queue with its reason"));
        }
        boolean storeSettingsValid = result.configValues().stream()
                .filter(v -> v.name().equals(TickLakeSinkConfig.LAKE_URI) || v.name().startsWith("s3."))
                .allMatch(v -> v.errorMessages().isEmpty());
        if (storeSettingsValid) {
            probeStore(connectorConfigs, result);
        }
        return result;
    }

    private static void probeStore(Map<String, String> connectorConfigs, Config result) {
        TickLakeSinkConfig config;
        try {
            config = new TickLakeSinkConfig(connectorConfigs);
        } catch (RuntimeException e) {
            return; // another key is invalid and already reported
        }
        try (ObjectStore store = ObjectStores.open(config)) {
            store.probe();
        } catch (StoreException e) {
            if (!e.isRetriable()) {
                value(result, TickLakeSinkConfig.LAKE_URI).ifPresent(v -> v.addErrorMessage(e.getMessage()));
            } else {
                LOG.warn("Could not check the lake store now ({}); the tasks will retry", e.getMessage());
            }
        } catch (RuntimeException e) {
            value(result, TickLakeSinkConfig.LAKE_URI).ifPresent(v -> v.addErrorMessage(e.getMessage()));
        }
    }

    private static Optional<ConfigValue> value(Config config, String name) {
        Optional<ConfigValue> existing = config.configValues().stream().filter(v -> v.name().equals(name)).findFirst();
        if (existing.isPresent()) {
            return existing;
        }
        ConfigValue added = new ConfigValue(name);
        config.configValues().add(added);
        return Optional.of(added);
    }
}
