package io.ticklake.infra.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates topics on a broker, idempotently, and tells how many partitions each one has. */
public final class KafkaTopics {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private KafkaTopics() {
    }

    /**
     * An admin client for the launcher's own short calls.
     *
     * @param security client security settings ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}), or empty
     */
    public static Admin admin(String bootstrapServers, Map<String, String> security, Duration apiTimeout) {
        int timeoutMillis = (int) apiTimeout.toMillis();
        Map<String, Object> config = new HashMap<>(security);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "ticklake-infra");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMillis, 10_000));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        return Admin.create(config);
    }

    /** Describes the topics, waiting out the moment after creation when the broker does not know them yet. */
    private static Map<String, TopicDescription> describeOnceKnown(Admin admin, List<String> names)
            throws ExecutionException, TimeoutException, InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            try {
                return admin.describeTopics(names).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * Creates the topics that do not exist yet, as a client with the {@code security} settings (or none).
     *
     * @return the partition count of every requested topic as it is now on the broker, so a caller
     *         can tell a topic that existed with a different count
     */
    public static Map<String, Integer> ensure(String bootstrapServers, Map<String, String> security,
                                              Collection<TopicSpec> topics) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            try {
                return ensureOnce(bootstrapServers, security, topics);
            } catch (IllegalStateException e) {
                // A broker that has just started may not know its own metadata yet: retriable errors
                // (e.g. "does not host this topic-partition") are retried until the deadline.
                if (!(e.getCause() instanceof RetriableException) || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", interrupted);
        }
    }

    private static Map<String, Integer> ensureOnce(String bootstrapServers, Map<String, String> security,
                                                   Collection<TopicSpec> topics) {
        try (Admin admin = admin(bootstrapServers, security, TIMEOUT)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec topic : topics) {
                if (!existing.contains(topic.name())) {
                    // replication and min.insync.replicas: the brokers' defaults, which the platform sets for its node count
                    missing.add(new NewTopic(topic.name(), Optional.of(topic.partitions()), Optional.empty())
                            .configs(topic.configs()));
                }
            }
            for (KafkaFuture<Void> created : admin.createTopics(missing).values().values()) {
                try {
                    created.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e; // a concurrent creator is fine, anything else is not
                    }
                }
            }
            List<String> names = topics.stream().map(TopicSpec::name).toList();
            Map<String, TopicDescription> descriptions = describeOnceKnown(admin, names);
            Map<String, Integer> partitions = new TreeMap<>();
            descriptions.forEach((name, description) -> partitions.put(name, description.partitions().size()));
            return partitions;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics on " + bootstrapServers + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating topics on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics on " + bootstrapServers, e);
        }
    }
}
