package io.ticklake.bench.peers;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a consumer group has committed: the sum of its committed offsets over the partitions of a topic. */
final class ConsumerGroupProgress implements AutoCloseable {

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

    @Override
    public void close() {
        admin.close();
    }
}
