package io.ticklake.dashboard.config;

import io.ticklake.streams.StreamsAppConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The settings of a plain Kafka client of the dashboard (a feed's consumer, the rules' producer): the brokers and
 * whatever of {@code names} was given to Kafka Streams, so a secured cluster's settings apply to every client.
 */
public final class KafkaClientSettings {

    private KafkaClientSettings() {
    }

    /** {@code names}: the client's config keys, e.g. {@code ConsumerConfig.configNames()}. */
    public static Map<String, Object> of(StreamsAppConfig config, Set<String> names) {
        Map<String, Object> props = new HashMap<>();
        config.originals().forEach((key, value) -> {
            if (names.contains(key)) {
                props.put(key, value);
            }
        });
        props.put("bootstrap.servers", String.join(",", config.getList(StreamsAppConfig.BOOTSTRAP_SERVERS)));
        return props;
    }
}
