package io.ticklake.simulator.produce;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.registry.SchemaRegistryClient;
import io.ticklake.schemas.registry.SchemaRegistryClients;
import io.ticklake.schemas.serde.AvroSerdeConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Start-up checks, so a wrong address fails in seconds with a clear message instead of a producer
 * that blocks and retries: the broker answers and has the topic (or creates it when asked), and the
 * registry answers and accepts the {@code StockTick} schema under {@code <topic>-value} (which also
 * refuses an incompatible schema before anything is produced). Each check is bounded by the
 * settings' check timeout.
 */
public final class Preflight {

    private final ProducerSettings settings;

    public Preflight(ProducerSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs both checks.
     *
     * @param createTopicPartitions create a missing topic with this many partitions; empty: a missing topic fails
     * @return the registry id of the {@code StockTick} schema
     * @throws ProduceException saying what is unreachable or missing and where
     */
    public int check(Optional<Integer> createTopicPartitions) {
        checkBroker(createTopicPartitions);
        return checkRegistry();
    }

    /** The broker answers within the timeout and has the topic. */
    public void checkBroker(Optional<Integer> createTopicPartitions) {
        long timeoutMs = settings.checkTimeout().toMillis();
        Map<String, Object> props = new HashMap<>(settings.adminProperties());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        // One quick reconnect policy: an absent broker should not be retried with long backoffs.
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        String where = settings.bootstrapServers();
        try (Admin admin = Admin.create(props)) {
            Set<String> topics = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
            if (topics.contains(settings.topic())) {
                return;
            }
            if (createTopicPartitions.isEmpty()) {
                throw new ProduceException("Topic '" + settings.topic() + "' does not exist on the Kafka cluster at "
                        + where + "; create it (the local platform does) or ask for it to be created (--create-topic N)");
            }
            try {
                admin.createTopics(List.of(new NewTopic(settings.topic(), Optional.of(createTopicPartitions.get()),
                        Optional.empty()))).all().get(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (TimeoutException e) {
            throw brokerUnreachable(where);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // Kafka's own TimeoutException, not java.util.concurrent's
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw brokerUnreachable(where);
            }
            if (cause instanceof UnknownTopicOrPartitionException) {
                throw new ProduceException("Topic '" + settings.topic() + "' does not exist at " + where);
            }
            throw new ProduceException("Kafka at " + where + " refused the start-up check: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProduceException("Interrupted while checking Kafka at " + where);
        } catch (KafkaException e) {
            // e.g. no resolvable bootstrap address: thrown when the client is created
            throw new ProduceException("Cannot connect to Kafka at " + where + ": " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"), e);
        }
    }

    /** The registry answers within the timeout and accepts the schema; returns its id. */
    public int checkRegistry() {
        long timeoutMs = settings.checkTimeout().toMillis();
        Map<String, Object> props = new HashMap<>(settings.producerProperties());
        props.put(AvroSerdeConfig.HTTP_CONNECT_TIMEOUT_MS, timeoutMs);
        props.put(AvroSerdeConfig.HTTP_READ_TIMEOUT_MS, timeoutMs);
        props.put(AvroSerdeConfig.MAX_RETRIES, 0);
        AvroSerdeConfig config = new AvroSerdeConfig(props);
        String subject = settings.topic() + "-value";
        try (SchemaRegistryClient registry = SchemaRegistryClients.create(config.registryUrls(),
                config::registrySettings, Duration.ofSeconds(-1))) {
            return registry.register(subject, StockTick.getClassSchema());
        } catch (RuntimeException e) {
            throw new ProduceException("Schema registry check failed for subject '" + subject + "': "
                    + e.getMessage(), e);
        }
    }

    private ProduceException brokerUnreachable(String where) {
        return new ProduceException("Kafka is not reachable at " + where + ": no answer within "
                + describe(settings.checkTimeout()) + ". Is the broker running, and are the bootstrap servers right?");
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
