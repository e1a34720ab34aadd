package io.ticklake.connect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticklake.connect.testing.LakeRows;
import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.ServiceHandle;
import io.ticklake.infra.testing.TestPlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer-group rebalance while MinIO is down and partitions are paused for their backoff: once
 * MinIO is back every partition lands, each row exactly once, and the tasks never left RUNNING.
 *
 * <p>The rebalance comes from restarting task 1: task 0 keeps its Connect context (and with it
 * Connect's record of the partitions it paused) through the revoke and assign that follow.
 * Restarting task 0 itself would give it a fresh context and hide the problem.
 */
@ExtendWith(LocalPlatformExtension.class)
class RebalanceDuringOutageIT {

    private static final int TOTAL = 3000;

    @TempDir
    Path tmp;

    @Test
    void partitionsPausedDuringARebalanceLandOnceTheStoreIsBack(TestPlatform platform) throws Exception {
        try (SinkFixture sink = new SinkFixture(platform, "rebalance");
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     platform.kafkaBootstrapServers()))) {
            sink.ticks.produce(0, 1000);
            var config = sink.connectorConfig(sink.id, 2);
            config.put("flush.size", "200");
            config.put("rotate.idle.ms", "2000");
            // long pauses, so the rebalance certainly finds partitions paused for their backoff
            config.put("retry.backoff.ms", "5000");
            config.put("retry.backoff.max.ms", "10000");
            // the surviving task notices the rebalance within a second
            config.put("consumer.override.heartbeat.interval.ms", "500");
            String name = sink.startConnector("a", config);
            String group = "connect-" + name;
            LakeBucket lake = sink.bucket(sink.id);
            sink.awaitRows(lake, tmp, 1000, Duration.ofSeconds(60));

            ServiceHandle minio = platform.minioService();
            minio.stop();
            try {
                sink.ticks.produce(1000, 2000);
                // every partition has failed an upload and is waiting out its backoff
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                        .until(sink::partitionsRetrying, partitions -> partitions.size() == SinkFixture.PARTITIONS);

                Map<String, String> before = membersByClient(admin, group);
                assertThat(before).hasSize(2);
                assertThat(sink.rest.post("/connectors/" + name + "/tasks/1/restart").status()).isLessThan(300);
                // a new generation: task 1 rejoined under a new member id, task 0 was revoked and assigned again
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                    Map<String, String> now = membersByClient(admin, group);
                    return now.size() == 2 && !now.equals(before) && stable(admin, group);
                });
                assertThat(sink.rest.taskStates(name)).containsExactly("RUNNING", "RUNNING");
                sink.ticks.produce(2000, TOTAL);
            } finally {
                minio.start();
            }

            List<LakeRows.Row> rows = sink.awaitRows(lake, tmp, TOTAL, Duration.ofSeconds(120));
            assertThat(rows).hasSize(TOTAL);
            assertThat(SinkFixture.coordinates(rows)).hasSize(TOTAL).isEqualTo(sink.ticks.coordinates());
            assertThat(sink.rest.taskStates(name)).containsExactly("RUNNING", "RUNNING");
        }
    }

    /** Client id to member id of the group's members. */
    private static Map<String, String> membersByClient(Admin admin, String group) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        return description.members().stream()
                .collect(Collectors.toMap(MemberDescription::clientId, MemberDescription::consumerId));
    }

    private static boolean stable(Admin admin, String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).all().get().get(group).groupState() == GroupState.STABLE;
    }
}
