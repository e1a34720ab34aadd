package io.ticklake.dashboard.push;

import io.ticklake.dashboard.config.KafkaClientSettings;
import io.ticklake.streams.StreamsAppConfig;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every partition of a topic the topology writes under exactly-once, on a thread of its own, and hands
 * each committed record ({@code read_committed}: an aborted one never) to a handler. No consumer group: every
 * instance reads all partitions, from where {@link StartPosition} puts a partition when it is first seen.
 *
 * <p>A broker that cannot be reached never ends the feed: every failure is retried with a growing delay
 * ({@value #BACKOFF_MIN_MS} ms up to {@value #BACKOFF_MAX_MS} ms), and since a consumer's {@code poll} just
 * returns nothing while the broker is away, the feed asks for the end offsets of its partitions every
 * {@value #PROBE_INTERVAL_MS} ms to know whether it can read. {@link #status()} says which; positions are kept,
 * so after an outage it goes on where it stopped.
 *
 * @param <V> the record values
 */
public final class CommittedTopicFeed<V> {

    private static final Logger LOG = LoggerFactory.getLogger(CommittedTopicFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** How often the partition count is looked at again (the topic may not exist yet, or grow). */
    private static final long PARTITION_REFRESH_MS = 10_000;
    /** How often the feed checks that the broker answers (a poll without data does not tell). */
    static final long PROBE_INTERVAL_MS = 2_000;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    static final long BACKOFF_MIN_MS = 200;
    static final long BACKOFF_MAX_MS = 5_000;

    /** Where a newly seen partition is read from. */
    @FunctionalInterface
    public interface StartPosition {
        void seek(KafkaConsumer<String, ?> consumer, Set<TopicPartition> added);

        /** Only what is committed from now on. */
        StartPosition END = KafkaConsumer::seekToEnd;
    }

    private final String name;
    private final String topic;
    private final KafkaConsumer<String, V> consumer;
    private final StartPosition start;
    private final Consumer<ConsumerRecord<String, V>> handler;
    private volatile boolean stopping;
    private volatile FeedStatus status = FeedStatus.down("not started", null);
    private Thread thread;

    /**
     * A feed named {@code name} (its thread and log lines) of {@code topic}, with the client settings of
     * {@code config} (security, for instance) and {@code values} to read the values.
     */
    public CommittedTopicFeed(String name, String topic, StreamsAppConfig config, Deserializer<V> values,
                              StartPosition start, Consumer<ConsumerRecord<String, V>> handler) {
        this.name = name;
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(consumerSettings(config, name), new StringDeserializer(), values);
        this.start = start;
        this.handler = handler;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::run, "ticklake-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the feed reads its topic now, and if not, why. */
    public FeedStatus status() {
        return status;
    }

    private void run() {
        Set<TopicPartition> assigned = new HashSet<>();
        long nextRefresh = 0;
        long nextProbe = 0;
        long backoffMs = BACKOFF_MIN_MS;
        try {
            while (!stopping) {
                try {
                    long now = System.currentTimeMillis();
                    if (now >= nextRefresh) {
                        assignNewPartitions(assigned);
                        nextRefresh = now + PARTITION_REFRESH_MS;
                    }
                    if (assigned.isEmpty()) {
                        status = FeedStatus.down("topic " + topic + " has no partitions (does it exist?)", null);
                        Thread.sleep(POLL.toMillis());
                        continue;
                    }
                    if (now >= nextProbe) {
                        consumer.endOffsets(assigned, REQUEST_TIMEOUT);
                        nextProbe = now + PROBE_INTERVAL_MS;
                    }
                    if (!status.reading()) {
                        LOG.info("Reading {} of {} partitions of {}", name, assigned.size(), topic);
                        status = FeedStatus.up();
                    }
                    backoffMs = BACKOFF_MIN_MS;
                    pollOnce();
                } catch (WakeupException | InterruptException e) {
                    throw e;
                } catch (KafkaException e) {
                    // broker unreachable (timeouts), or anything else the client raises: nothing is handed on
                    // until it reads again, so report it and retry later instead of ending the feed
                    if (status.reading() || status.error() == null) {
                        LOG.warn("The {} cannot read {}; retrying: {}", name, topic, e.toString());
                    }
                    status = FeedStatus.down("cannot read " + topic, e);
                    Thread.sleep(backoffMs);
                    backoffMs = Math.min(backoffMs * 2, BACKOFF_MAX_MS);
                    nextRefresh = 0;
                    nextProbe = 0;
                }
            }
        } catch (WakeupException | InterruptException | InterruptedException e) {
            status = FeedStatus.down("stopped", null);
        } catch (RuntimeException e) {
            // not the client's: a bug here; readiness keeps saying so
            status = FeedStatus.down("stopped by an unexpected error", e);
            LOG.error("The {} stopped", name, e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void pollOnce() {
        try {
            for (ConsumerRecord<String, V> record : consumer.poll(POLL)) {
                if (record.value() != null) {
                    handler.accept(record);
                }
            }
        } catch (RecordDeserializationException e) {
            // the topology wrote it, so this is a registry or schema problem: skip the record, keep going
            LOG.warn("The {} skips an unreadable record at {} offset {}: {}", name, e.topicPartition(), e.offset(),
                    e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
    }

    private void assignNewPartitions(Set<TopicPartition> assigned) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, REQUEST_TIMEOUT);
        Set<TopicPartition> added = new HashSet<>();
        for (PartitionInfo partition : partitions == null ? List.<PartitionInfo>of() : partitions) {
            TopicPartition topicPartition = new TopicPartition(topic, partition.partition());
            if (assigned.add(topicPartition)) {
                added.add(topicPartition);
            }
        }
        if (!added.isEmpty()) {
            consumer.assign(assigned);
            start.seek(consumer, added);
            LOG.info("The {} follows {} partitions of {}", name, assigned.size(), topic);
        }
    }

    private static Map<String, Object> consumerSettings(StreamsAppConfig config, String name) {
        Map<String, Object> props = KafkaClientSettings.of(config, ConsumerConfig.configNames());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ticklake-dashboard-" + name + "-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        return props;
    }

    public void stop() {
        stopping = true;
        consumer.wakeup();
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            try {
                running.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
        }
    }
}
