package io.ticklake.connect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticklake.connect.testing.LakeRows;
import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Records that cannot be decoded go to the dead-letter queue with their reason; the rest lands. */
@ExtendWith(LocalPlatformExtension.class)
class PoisonRecordIT {

    @TempDir
    Path tmp;

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void poisonRecordsReachTheDeadLetterQueueAndTheRestFlows(TestPlatform platform) throws Exception {
        try (SinkFixture sink = new SinkFixture(platform, "poison")) {
            sink.ticks.produce(0, 300);
            sink.ticks.produceRaw("ACME", "not avro at all".getBytes(StandardCharsets.UTF_8));
            // right framing, but a schema id the registry never issued
            sink.ticks.produceRaw("ACME", new byte[] {0, 0x7f, 0x7f, 0x7f, 0x7f, 2, 4, 6});
            sink.ticks.produce(300, 600);
            Set<String> topic = sink.ticks.coordinates();

            String name = sink.startConnector("a", sink.connectorConfig(sink.id, 2));
            LakeBucket lake = sink.bucket(sink.id);
            List<LakeRows.Row> rows = sink.awaitRows(lake, tmp, 600, Duration.ofSeconds(90));

            // Connect's dead-letter queue is at-least-once: a partition replayed after a rebalance
            // reports its poison again, so compare distinct coordinates
            List<ConsumerRecord<byte[], byte[]>> dead = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dead.clear();
                dead.addAll(sink.ticks.readAll(sink.dlqTopic));
                return dead.size() >= 2;
            });
            assertThat(dead).extracting(r -> header(r, "__connect.errors.exception.message"))
                    .anySatisfy(m -> assertThat(m).contains("Unknown magic byte 0x6e"))
                    .anySatisfy(m -> assertThat(m).contains("Unknown schema id 2139062143"));
            assertThat(dead).allSatisfy(r -> {
                assertThat(header(r, "__connect.errors.topic")).isEqualTo(sink.topic);
                assertThat(header(r, "__connect.errors.stage")).isEqualTo("TASK_PUT");
                assertThat(header(r, "__connect.errors.exception.class.name"))
                        .isEqualTo("org.apache.kafka.connect.errors.DataException");
            });
            Set<String> poison = new HashSet<>();
            for (ConsumerRecord<byte[], byte[]> r : dead) {
                poison.add(header(r, "__connect.errors.partition") + "@" + header(r, "__connect.errors.offset"));
            }
            assertThat(poison).hasSize(2);
            assertThat(dead).extracting(r -> new String(r.value(), StandardCharsets.ISO_8859_1))
                    .contains("not avro at all");

            Set<String> expected = new HashSet<>(topic);
            expected.removeAll(poison);
            assertThat(rows).hasSize(600);
            assertThat(SinkFixture.coordinates(rows)).isEqualTo(expected);
            assertThat(sink.rest.taskStates(name)).containsOnly("RUNNING");
        }
    }
}
