package io.ticklake.dashboard.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.ticklake.schemas.serde.ClientPropertiesFile;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the platform is: the Kafka brokers and the schema registry, shared by the hosted topology and
 * the KPI feed of the WebSocket push. Keys {@code ticklake.bootstrap-servers} and
 * {@code ticklake.schema-registry-url} (environment {@code TICKLAKE_BOOTSTRAP_SERVERS},
 * {@code TICKLAKE_SCHEMA_REGISTRY_URL}); defaults are the local platform's ports. A secured cluster's
 * client settings ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}, {@code schema.registry.ssl.*},
 * {@code basic.auth.*}) come from the Kafka client properties file {@code ticklake.kafka-client-config}
 * ({@code TICKLAKE_KAFKA_CLIENT_CONFIG}), the file the simulator and the backfill take too.
 */
@ConfigurationProperties("ticklake")
public class PlatformProperties {

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
    public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://127.0.0.1:8081/apis/ccompat/v7";

    @NotBlank
    private String bootstrapServers = DEFAULT_BOOTSTRAP_SERVERS;
    @NotBlank
    private String schemaRegistryUrl = DEFAULT_SCHEMA_REGISTRY_URL;

    @Nullable
    private String kafkaClientConfig;

    /** Kafka brokers, {@code host:port[,host:port...]}. */
    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Confluent-compatible schema registry URL. */
    public String getSchemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    public void setSchemaRegistryUrl(String schemaRegistryUrl) {
        this.schemaRegistryUrl = schemaRegistryUrl;
    }

    /** A Kafka client properties file holding the security settings (and secrets), or null. */
    @Nullable
    public String getKafkaClientConfig() {
        return kafkaClientConfig;
    }

    public void setKafkaClientConfig(@Nullable String kafkaClientConfig) {
        this.kafkaClientConfig = kafkaClientConfig;
    }

    /**
     * The keys of {@link #getKafkaClientConfig()}, read now; empty without one. Its {@code bootstrap.servers}
     * and {@code schema.registry.url}, if any, give way to the two properties above.
     *
     * @throws IllegalArgumentException naming the property when the file cannot be read
     */
    public Map<String, String> clientSettings() {
        if (kafkaClientConfig == null || kafkaClientConfig.isBlank()) {
            return Map.of();
        }
        try {
            return ClientPropertiesFile.load(Path.of(kafkaClientConfig));
        } catch (IOException e) {
            throw new IllegalArgumentException("ticklake.kafka-client-config (TICKLAKE_KAFKA_CLIENT_CONFIG): cannot read "
                    + kafkaClientConfig + ": " + e.getMessage(), e);
        }
    }
}
