package io.ticklake.dashboard.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import io.ticklake.streams.StreamsAppConfig;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hosted Kafka Streams application ({@code ticklake.streams.*}): its id, state directory, the
 * host other instances use to forward queries here, and any other key of streams-app's
 * configuration or of Kafka Streams under {@code ticklake.streams.config.*} (e.g.
 * {@code ticklake.streams.config.num.stream.threads=2}, {@code ...config.ticklake.emit.mode=final}).
 */
@ConfigurationProperties("ticklake.streams")
public class StreamsProperties {

    /** Loopback: the local platform; set the host's reachable name when instances run on several machines. */
    public static final String DEFAULT_ADVERTISED_HOST = "127.0.0.1";

    @NotBlank
    private String applicationId = StreamsAppConfig.APPLICATION_ID_DEFAULT;
    @Nullable
    private String stateDir;
    @NotBlank
    private String advertisedHost = DEFAULT_ADVERTISED_HOST;
    private Map<String, String> config = new HashMap<>();

    /** Kafka Streams {@code application.id}: instances with the same id share the partitions. */
    public String getApplicationId() {
        return applicationId;
    }

    public void setApplicationId(String applicationId) {
        this.applicationId = applicationId;
    }

    /** RocksDB state directory; unset: {@code <tmp>/ticklake-dashboard/<application id>-<port>}. */
    @Nullable
    public String getStateDir() {
        return stateDir;
    }

    public void setStateDir(@Nullable String stateDir) {
        this.stateDir = stateDir;
    }

    /** The host in {@code application.server}: where other instances reach this one's HTTP port. */
    public String getAdvertisedHost() {
        return advertisedHost;
    }

    public void setAdvertisedHost(String advertisedHost) {
        this.advertisedHost = advertisedHost;
    }

    /** Further streams-app / Kafka Streams keys, passed through as given. */
    public Map<String, String> getConfig() {
        return config;
    }

    public void setConfig(@MapFormat(transformation = MapFormat.MapTransformation.FLAT,
            keyFormat = StringConvention.RAW) Map<String, String> config) {
        this.config = config;
    }

    /**
     * The streams-app configuration of this instance: the client config file's keys, then the pass-through
     * keys, then the platform and the keys above. {@code port} is the HTTP port bound; null builds the configuration without
     * {@code application.server} (to validate it and read the windows before the server is up).
     */
    public StreamsAppConfig toStreamsConfig(PlatformProperties platform, @Nullable Integer port) {
        Map<String, Object> props = new LinkedHashMap<>(platform.clientSettings());
        props.putAll(config);
        props.put(StreamsAppConfig.BOOTSTRAP_SERVERS, platform.getBootstrapServers());
        props.put(StreamsAppConfig.SCHEMA_REGISTRY_URL, platform.getSchemaRegistryUrl());
        props.put(StreamsAppConfig.APPLICATION_ID, applicationId);
        if (port != null) {
            props.put(StreamsAppConfig.APPLICATION_SERVER, advertisedHost + ":" + port);
            props.put(StreamsAppConfig.STATE_DIR, stateDir != null ? stateDir
                    : Path.of(System.getProperty("java.io.tmpdir"), "ticklake-dashboard", applicationId + "-" + port)
                            .toString());
        }
        return new StreamsAppConfig(props);
    }
}
