package io.ticklake.e2e.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * What the cluster says about the pipeline's progress and leftovers, through the admin API: end offsets
 * as {@code read_committed} and {@code read_uncommitted} readers see them (they differ while a
 * transaction is open), and a consumer group's lag.
 */
public final class ClusterState implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;

    public ClusterState(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    /** The sum of the topic's {@code read_committed} end offsets (last stable offsets): grows with each commit. */
    public long committedEnd(String topic) {
        return endOffsets(partitions(topic), IsolationLevel.READ_COMMITTED).values().stream()
                .mapToLong(Long::longValue).sum();
    }

    /**
     * Partitions of every topic (internal ones aside) whose {@code read_committed} end offset is behind the
     * log end offset, i.e. that hold an open transaction, one line each; empty when none does.
     */
    public List<String> openTransactions() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : call(admin.listTopics().names())) {
            partitions.addAll(partitions(topic));
        }
        Map<TopicPartition, Long> committed = endOffsets(partitions, IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, Long> logEnd = endOffsets(partitions, IsolationLevel.READ_UNCOMMITTED);
        List<String> open = new ArrayList<>();
        logEnd.forEach((tp, end) -> {
            if (!end.equals(committed.get(tp))) {
                open.add(tp + ": read_committed end " + committed.get(tp) + ", log end " + end);
            }
        });
        return open;
    }

    /** The group's lag on {@code topic}: the log end offsets minus its committed offsets (a partition without one: all). */
    public long lag(String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> committed = call(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : endOffsets(partitions(topic), IsolationLevel.READ_UNCOMMITTED)
                .entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            lag += end.getValue() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    private List<TopicPartition> partitions(String topic) {
        return call(admin.describeTopics(Set.of(topic)).allTopicNames()).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions, IsolationLevel isolation) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        call(admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all())
                .forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private static <T> T call(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("admin call failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("admin call took longer than " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
