package io.ticklake.streams.host;

import io.ticklake.streams.StreamsAppConfig;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
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
        Admin client = KafkaAdmin.create(config, (int) DESCRIBE_TIMEOUT_MS);
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
