package io.ticklake.dashboard.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

/**
 * Where the platform is: the Kafka brokers and the schema registry, shared by the hosted topology and
 * the KPI feed of the WebSocket push. Keys {@code ticklake.bootstrap-servers} and
 * {@code ticklake.schema-registry-url} (environment {@code TICKLAKE_BOOTSTRAP_SERVERS},
 * {@code TICKLAKE_SCHEMA_REGISTRY_URL}); defaults are the local platform's ports.
 */
@ConfigurationProperties("ticklake")
public class PlatformProperties {

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
    public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://127.0.0.1:8081/apis/ccompat/v7";

    @NotBlank
    private String bootstrapServers = DEFAULT_BOOTSTRAP_SERVERS;
    @NotBlank
    private String schemaRegistryUrl = DEFAULT_SCHEMA_REGISTRY_URL;

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
}
