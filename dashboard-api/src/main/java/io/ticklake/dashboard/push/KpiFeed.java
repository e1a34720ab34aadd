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
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
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
 */
@Singleton
public class KpiFeed implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(KpiFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** How often the partition count is looked at again (the topic may not exist yet, or grow). */
    private static final long PARTITION_REFRESH_MS = 10_000;

    private final KpiInstance instance;
    private final PushHub hub;
    private final Timer pushDelay;
    private volatile KafkaConsumer<String, WindowKpi> consumer;
    private volatile boolean stopping;
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

    private void run() {
        String topic = instance.config().kpisTopic();
        Set<TopicPartition> assigned = new HashSet<>();
        long nextRefresh = 0;
        try {
            while (!stopping) {
                if (System.currentTimeMillis() >= nextRefresh) {
                    assignNewPartitions(topic, assigned);
                    nextRefresh = System.currentTimeMillis() + PARTITION_REFRESH_MS;
                }
                if (assigned.isEmpty()) {
                    Thread.sleep(POLL.toMillis());
                    continue;
                }
                try {
                    for (ConsumerRecord<String, WindowKpi> record : consumer.poll(POLL)) {
                        if (record.value() != null) {
                            hub.publish(record.value());
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
        } catch (WakeupException | InterruptedException e) {
            // stopping
        } catch (RuntimeException e) {
            LOG.error("The KPI feed of the WebSocket push stopped", e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void assignNewPartitions(String topic, Set<TopicPartition> assigned) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
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
