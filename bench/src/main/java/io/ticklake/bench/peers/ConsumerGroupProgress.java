package io.ticklake.bench.peers;

import io.ticklake.infra.bench.BacklogSpan;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group has committed: the sum of its committed offsets over the partitions of a topic.
 * A Streams application commits with its transactions, so its committed offsets are work done for good.
 */
final class ConsumerGroupProgress implements AutoCloseable {

    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(120);

    private final Admin admin;

    ConsumerGroupProgress(String bootstrap) {
        this.admin = TickBacklog.admin(bootstrap);
    }

    long committed(String groupId, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getValue() != null && e.getKey().topic().equals(topic))
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /**
     * Polls every 100 ms until {@code total} offsets of {@code topic} are committed by {@code groupId};
     * {@code check} runs before each poll (to fail when the consumer died). Fails after 120 s without progress.
     */
    BacklogSpan await(String groupId, String topic, long total, Runnable check) throws Exception {
        BacklogSpan span = new BacklogSpan(total);
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            check.run();
            long committed = committed(groupId, topic);
            long now = System.nanoTime();
            if (committed != last) {
                last = committed;
                lastChange = now;
            }
            if (span.observe(committed, now)) {
                return span;
            }
            if (now - lastChange > STALL_NANOS) {
                throw new IllegalStateException(groupId + " committed no progress for 120 s at " + committed + " of "
                        + total + " offsets");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
