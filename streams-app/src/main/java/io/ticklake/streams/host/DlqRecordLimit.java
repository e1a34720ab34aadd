package io.ticklake.streams.host;

import io.ticklake.streams.StreamsAppConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DLQ record limit an instance runs with: the smallest of {@code ticklake.dlq.max.record.bytes},
 * the producer's {@code max.request.size} (when set) and the DLQ topic's {@code max.message.bytes},
 * read once at start. A topic that cannot be described (not created yet, no permission) leaves the
 * configured limit, logged; {@link DlqProductionExceptionHandler} is the net behind it.
 */
final class DlqRecordLimit {

    private static final Logger LOG = LoggerFactory.getLogger(DlqRecordLimit.class);
    private static final long DESCRIBE_TIMEOUT_MS = 10_000;

    private DlqRecordLimit() {
    }

    static int resolve(StreamsAppConfig config) {
        int limit = config.dlqMaxRecordBytes();
        Properties props = config.streamsProperties();
        limit = min(limit, props.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)));
        limit = min(limit, props.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                props.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) DESCRIBE_TIMEOUT_MS,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) DESCRIBE_TIMEOUT_MS);
        Admin client = Admin.create(withSecurity(admin, props));
        try {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, config.dlqTopic());
            Config described = client.describeConfigs(List.of(topic)).all()
                    .get(DESCRIBE_TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic);
            ConfigEntry entry = described.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            if (entry != null && entry.value() != null) {
                limit = min(limit, entry.value());
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("Could not read {} of the DLQ topic {}; DLQ records are cut at {} bytes", TopicConfig
                    .MAX_MESSAGE_BYTES_CONFIG, config.dlqTopic(), limit, e);
            return limit;
        } finally {
            client.close(Duration.ofSeconds(1));
        }
        LOG.info("DLQ records larger than {} bytes are truncated", limit);
        return limit;
    }

    /**
     * {@code admin} plus the streams config's security settings, then its {@code admin.}-prefixed
     * settings on top, as Kafka Streams gives its own admin client: a secured cluster may have
     * credentials that only the admin client may use.
     */
    static Map<String, Object> withSecurity(Map<String, Object> admin, Properties props) {
        Map<String, Object> all = new HashMap<>(admin);
        String adminPrefix = StreamsConfig.adminClientPrefix("");
        props.forEach((key, value) -> {
            String name = key.toString();
            if (name.startsWith("security.") || name.startsWith("sasl.") || name.startsWith("ssl.")) {
                all.putIfAbsent(name, value);
            }
        });
        props.forEach((key, value) -> {
            String name = key.toString();
            if (name.startsWith(adminPrefix)) {
                all.put(name.substring(adminPrefix.length()), value);
            }
        });
        return all;
    }

    private static int min(int limit, Object value) {
        if (value == null) {
            return limit;
        }
        try {
            return Math.min(limit, Integer.parseInt(value.toString().trim()));
        } catch (NumberFormatException e) {
            return limit;
        }
    }
}
