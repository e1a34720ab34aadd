package io.ticklake.simulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.schemas.registry.SchemaRegistryClients;
import io.ticklake.simulator.cli.ExitCodes;
import io.ticklake.simulator.testing.CliRun;
import io.ticklake.simulator.testing.TopicReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Start-up checks against the real broker and registry: clear errors, in bounded time, before producing. */
@ExtendWith(LocalPlatformExtension.class)
class PreflightIT {

    @Test
    void anUnreachableRegistryFailsWithinTheCheckTimeout(TestPlatform platform) throws IOException {
        String topic = "preflight-it-" + UUID.randomUUID();
        platform.createTopic(topic, 1);
        long start = System.nanoTime();
        CliRun run = CliRun.of("simulate", "--count", "10", "--bootstrap-servers", platform.kafkaBootstrapServers(),
                "--schema-registry-url", "http://127.0.0.1:" + closedPort() + "/apis/ccompat/v7", "--topic", topic,
                "--check-timeout", "3s");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).contains("Schema registry").contains(topic + "-value").contains("unreachable");
        assertThat(took).isLessThan(Duration.ofSeconds(20));
        assertThat(TopicReader.readAll(platform.kafkaBootstrapServers(), platform.schemaRegistryUrl(), topic, 0))
                .isEmpty();
    }

    @Test
    void aMissingTopicIsNamedOrCreatedOnRequest(TestPlatform platform) throws Exception {
        String topic = "preflight-missing-" + UUID.randomUUID();
        String[] common = {"--count", "5", "--max-speed", "--bootstrap-servers", platform.kafkaBootstrapServers(),
                "--schema-registry-url", platform.schemaRegistryUrl(), "--topic", topic};

        CliRun missing = CliRun.of(concat(new String[] {"simulate"}, common));
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(missing.err()).contains("Topic '" + topic + "' does not exist");

        CliRun created = CliRun.of(concat(new String[] {"simulate", "--create-topic", "3"}, common));
        assertThat(created.exitCode()).as(created.err()).isEqualTo(ExitCodes.OK);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafkaBootstrapServers()))) {
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions())
                    .hasSize(3);
        }
        assertThat(TopicReader.readAll(platform.kafkaBootstrapServers(), platform.schemaRegistryUrl(), topic, 5))
                .hasSize(5);
    }

    @Test
    void anIncompatibleSubjectIsRefusedBeforeAnythingIsProduced(TestPlatform platform) {
        String topic = "preflight-incompatible-" + UUID.randomUUID();
        platform.createTopic(topic, 1);
        Schema other = new Schema.Parser().parse("""
                {"type": "record", "name": "StockTick", "namespace": "io.ticklake.schemas", "fields": [
                  {"name": "symbol", "type": "string"},
                  {"name": "exchange", "type": "string"}
                ]}""");
        SchemaRegistryClients.forUrl(platform.schemaRegistryUrl()).register(topic + "-value", other);

        CliRun run = CliRun.of("simulate", "--count", "5", "--max-speed", "--bootstrap-servers",
                platform.kafkaBootstrapServers(), "--schema-registry-url", platform.schemaRegistryUrl(), "--topic", topic);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).contains(topic + "-value").contains("409");
        assertThat(TopicReader.readAll(platform.kafkaBootstrapServers(), platform.schemaRegistryUrl(), topic, 0))
                .isEmpty();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
