package io.ticklake.e2e.kafka;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;

/** Which input partitions each member of a consumer group (a Kafka Streams application) holds now. */
public final class GroupAssignment {

    private GroupAssignment() {
    }

    /** One entry per member: the partitions of {@code topic} assigned to it, sorted. */
    public static List<List<Integer>> partitionsPerMember(String bootstrapServers, String groupId, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).describedGroups()
                    .get(groupId).get(30, TimeUnit.SECONDS);
            return group.members().stream().map(MemberDescription::assignment)
                    .map(a -> List.copyOf(a.topicPartitions().stream().filter(tp -> tp.topic().equals(topic))
                            .map(tp -> tp.partition()).collect(java.util.stream.Collectors.toCollection(TreeSet::new))))
                    .toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe group " + groupId + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
