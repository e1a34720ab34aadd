package io.ticklake.streams.host;

import io.ticklake.streams.KpiTopology;
import io.ticklake.streams.StreamsAppConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the compacted topic behind the global store {@code kpi-symbol-partitions} when it is missing (one
 * partition: a few bytes per symbol, partition and minute). It must exist before Kafka Streams starts: a global
 * store's topic is not created by Kafka Streams, and its absence stops the instance at start. Throws
 * {@link TopicRefused} when retrying cannot help, another runtime exception when it can (brokers unreachable).
 */
final class SymbolPartitionsTopic {

    private static final Logger LOG = LoggerFactory.getLogger(SymbolPartitionsTopic.class);
    private static final int TIMEOUT_MS = 10_000;

    private SymbolPartitionsTopic() {
    }

    static void ensure(StreamsAppConfig config) {
        String name = KpiTopology.symbolPartitionsTopic(config);
        Object replication = config.streamsProperties().get(StreamsConfig.REPLICATION_FACTOR_CONFIG);
        short factor = replication == null ? -1 : Short.parseShort(replication.toString().trim());
        NewTopic topic = new NewTopic(name, Optional.of(1), factor <= 0 ? Optional.empty() : Optional.of(factor))
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try (Admin admin = KafkaAdmin.create(config, TIMEOUT_MS)) {
            // listed first: a topic created beforehand needs no CREATE permission
            if (!admin.listTopics().names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).contains(name)) {
                admin.createTopics(List.of(topic)).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                LOG.info("Created the compacted topic {} (where each symbol's ticks arrive)", name);
            }
            KafkaAdmin.awaitLeaders(admin, List.of(name), TIMEOUT_MS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TopicExistsException) {
                // another instance made it at the same moment: the next attempt waits for its leader
                throw new IllegalStateException("the topic " + name + " is being created", cause);
            }
            String reason = "could not create the topic " + name + " (compacted, 1 partition: where each symbol's"
                    + " ticks arrive); create it, or grant CREATE on it: " + cause;
            if (cause instanceof RetriableException) {
                throw new IllegalStateException(reason, cause);
            }
            throw new TopicRefused(reason, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the topic " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out after " + Duration.ofMillis(TIMEOUT_MS) + " creating the topic "
                    + name + "; is " + StreamsAppConfig.BOOTSTRAP_SERVERS + " reachable?", e);
        }
    }
}
