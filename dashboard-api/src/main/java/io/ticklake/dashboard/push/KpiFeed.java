package io.ticklake.dashboard.push;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.schemas.serde.SpecificAvroSerde;
import io.ticklake.streams.StreamsAppConfig;
import io.ticklake.streams.host.KpiInstance;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every KPI update from {@code stock-kpis} as it is committed ({@code read_committed}: the
 * topology writes under exactly-once, so an aborted update is never pushed) and hands it to the
 * {@link PushHub}. Every instance reads all partitions from their end, without a consumer group, so a
 * client connected to any instance gets every symbol; state for a new client comes from the REST API.
 *
 * <p>A broker that cannot be reached never ends the feed: every failure is retried with a growing
 * delay ({@value #BACKOFF_MIN_MS} ms up to {@value #BACKOFF_MAX_MS} ms), and since a consumer's
 * {@code poll} just returns nothing while the broker is away, the feed asks for the end offsets of its
 * partitions every {@value #PROBE_INTERVAL_MS} ms to know whether it can read. {@link #status()} (readiness)
 * says which; positions are kept, so after an outage it goes on where it stopped.
 */
@Singleton
public class KpiFeed implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(KpiFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** How often the partition count is looked at again (the topic may not exist yet, or grow). */
    private static final long PARTITION_REFRESH_MS = 10_000;
    /** How often the feed checks that the broker answers (a poll without data does not tell). */
    static final long PROBE_INTERVAL_MS = 2_000;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    static final long BACKOFF_MIN_MS = 200;
    static final long BACKOFF_MAX_MS = 5_000;

    private final KpiInstance instance;
    private final PushHub hub;
    private final Timer pushDelay;
    private volatile KafkaConsumer<String, WindowKpi> consumer;
    private volatile boolean stopping;
    private volatile FeedStatus status = FeedStatus.down("not started", null);
    private Thread thread;

    public KpiFeed(KpiInstance instance, PushHub hub, MeterRegistry meters) {
        this.instance = instance;
        this.hub = hub;
        this.pushDelay = Timer.builder("ticklake.kpi.push.delay")
                .description("From the event time of a KPI's latest tick to its hand-over to the WebSocket sessions")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (thread != null) {
            return;
        }
        consumer = createConsumer(instance.config());
        thread = new Thread(this::run, "ticklake-kpi-feed");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the feed reads {@code stock-kpis} now, and if not, why. */
    public FeedStatus status() {
        return status;
    }

    private void run() {
        String topic = instance.config().kpisTopic();
        Set<TopicPartition> assigned = new HashSet<>();
        long nextRefresh = 0;
        long nextProbe = 0;
        long backoffMs = BACKOFF_MIN_MS;
        try {
            while (!stopping) {
                try {
                    long now = System.currentTimeMillis();
                    if (now >= nextRefresh) {
                        assignNewPartitions(topic, assigned);
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
                        LOG.info("Reading KPI updates of {} partitions of {}", assigned.size(), topic);
                        status = FeedStatus.up();
                    }
                    backoffMs = BACKOFF_MIN_MS;
                    pollOnce();
                } catch (WakeupException | InterruptException e) {
                    throw e;
                } catch (KafkaException e) {
                    // broker unreachable (timeouts), or anything else the client raises: nothing is pushed
                    // until it reads again, so report it and retry later instead of ending the feed
                    if (status.reading() || status.error() == null) {
                        LOG.warn("The KPI feed cannot read {}; retrying: {}", topic, e.toString());
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
            LOG.error("The KPI feed of the WebSocket push stopped", e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void pollOnce() {
        try {
            for (ConsumerRecord<String, WindowKpi> record : consumer.poll(POLL)) {
                if (record.value() != null) {
                    hub.publish(record.value(), false);
                    pushDelay.record(Math.max(0, System.currentTimeMillis()
                            - record.value().getLastEventTime().toEpochMilli()), TimeUnit.MILLISECONDS);
                }
            }
        } catch (RecordDeserializationException e) {
            // the topology wrote it, so this is a registry or schema problem: skip the record, keep pushing
            LOG.warn("Skipping an unreadable KPI at {} offset {}: {}", e.topicPartition(), e.offset(),
                    e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
    }

    private void assignNewPartitions(String topic, Set<TopicPartition> assigned) {
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
            consumer.seekToEnd(added);
            LOG.info("Pushing KPI updates of {} partitions of {}", assigned.size(), topic);
        }
    }

    private static KafkaConsumer<String, WindowKpi> createConsumer(StreamsAppConfig config) {
        // the client settings given to Kafka Streams (security, for instance) apply here too
        Map<String, Object> props = new HashMap<>();
        config.originals().forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                props.put(key, value);
            }
        });
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",",
                config.getList(StreamsAppConfig.BOOTSTRAP_SERVERS)));
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ticklake-dashboard-push-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        SpecificAvroSerde<WindowKpi> values = new SpecificAvroSerde<>();
        values.configure(config.serdeConfig(), false);
        return new KafkaConsumer<>(props, new StringDeserializer(), values.deserializer());
    }

    @PreDestroy
    synchronized void stop() {
        stopping = true;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
