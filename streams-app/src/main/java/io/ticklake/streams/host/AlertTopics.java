package io.ticklake.streams.host;

import io.ticklake.streams.StreamsAppConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the alert topics at start when they are missing and alerts are enabled: the rules topic (compacted,
 * one partition: it is read whole by every instance into a global store, which Kafka Streams cannot start
 * without) and the alerts topic (as many partitions as the ticks topic, keyed by symbol too). The platform
 * creates both as well ({@code infra}'s platform topics); this covers a cluster set up without them. Like
 * {@link SymbolPartitionsTopic}, it throws {@link TopicRefused} when the brokers refuse, another runtime
 * exception when trying again can help (brokers unreachable), so the host retries before Kafka Streams starts.
 */
final class AlertTopics {

    private static final Logger LOG = LoggerFactory.getLogger(AlertTopics.class);
    private static final long TIMEOUT_MS = 10_000;

    private AlertTopics() {
    }

    static void ensure(StreamsAppConfig config) {
        if (!config.alertsEnabled()) {
            return;
        }
        Properties props = config.streamsProperties();
        Object replication = props.get(StreamsConfig.REPLICATION_FACTOR_CONFIG);
        short factor = replication == null ? -1 : Short.parseShort(replication.toString().trim());
        Optional<Short> replicas = factor <= 0 ? Optional.empty() : Optional.of(factor);
        Admin admin = KafkaAdmin.create(config, (int) TIMEOUT_MS);
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            if (!existing.contains(config.alertRulesTopic())) {
                missing.add(new NewTopic(config.alertRulesTopic(), Optional.of(1), replicas)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
            if (!existing.contains(config.alertsTopic())) {
                missing.add(new NewTopic(config.alertsTopic(), partitionsOf(admin, existing, config.ticksTopic()),
                        replicas));
            }
            for (NewTopic topic : missing) {
                create(admin, topic);
            }
            KafkaAdmin.awaitLeaders(admin, List.of(config.alertRulesTopic(), config.alertsTopic()), TIMEOUT_MS);
        } catch (ExecutionException e) {
            String reason = "could not create the alert topics " + config.alertRulesTopic() + " (compacted, 1"
                    + " partition) and " + config.alertsTopic() + "; create them, or grant CREATE: " + e.getCause();
            if (e.getCause() instanceof RetriableException) {
                throw new IllegalStateException(reason, e);
            }
            throw new TopicRefused(reason, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out after " + TIMEOUT_MS + " ms making sure the alert topics"
                    + " exist; are the brokers reachable?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making sure the alert topics exist", e);
        } finally {
            admin.close(Duration.ofSeconds(1));
        }
    }

    private static Optional<Integer> partitionsOf(Admin admin, Set<String> existing, String topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (!existing.contains(topic)) {
            return Optional.empty();
        }
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic);
        return Optional.of(description.partitions().size());
    }

    private static void create(Admin admin, NewTopic topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            LOG.info("Created the alert topic {} ({} partitions, {})", topic.name(),
                    topic.numPartitions() < 0 ? "default" : topic.numPartitions(),
                    topic.configs() == null ? "delete" : topic.configs());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e; // another instance creating it at the same time is fine
            }
        }
    }
}
