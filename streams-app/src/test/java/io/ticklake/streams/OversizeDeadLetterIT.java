package io.ticklake.streams;

import static io.ticklake.streams.testing.Ticks.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.ingest.DlqMetrics;
import io.ticklake.streams.testing.ItConfig;
import io.ticklake.streams.testing.KafkaTestIo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A rejected tick bigger than the DLQ topic's {@code max.message.bytes}: it lands in the DLQ truncated,
 * with its original size and hash, the stream thread keeps running and the ticks after it still count.
 */
@ExtendWith(LocalPlatformExtension.class)
class OversizeDeadLetterIT {

    private static final int DLQ_LIMIT = 2048;

    @Test
    void oversizedRejectTruncatedIntoTheDlqAndProcessingGoesOn(TestPlatform platform) throws Exception {
        ItConfig it = new ItConfig(platform, "dlq-big", 1);
        limitMessageSize(platform.kafkaBootstrapServers(), it.dlq, DLQ_LIMIT);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
        byte[] pill = new byte[8 * 1024];
        new Random(17).nextBytes(pill);
        pill[0] = 'x';   // no Avro magic byte: rejected at deserialization
        byte[] key = "AAPL".getBytes(StandardCharsets.UTF_8);
        try (StreamsApp app = StreamsApp.start(new StreamsAppConfig(it.instance(Map.of())));
             KafkaProducer<String, Object> ticks = KafkaTestIo.tickProducer(platform.kafkaBootstrapServers(),
                     platform.schemaRegistryUrl());
             KafkaProducer<byte[], byte[]> raw = KafkaTestIo.rawProducer(platform.kafkaBootstrapServers())) {
            raw.send(new ProducerRecord<>(it.ticks, key, pill)).get();
            ticks.send(new ProducerRecord<>(it.ticks, "AAPL", tick("AAPL", 100.0, 10, t0, 1))).get();
            ticks.send(new ProducerRecord<>(it.ticks, "AAPL", tick("AAPL", 104.0, 30, t0.plusSeconds(5), 2))).get();

            List<WindowKpi> kpis = KafkaTestIo.readKpis(platform.kafkaBootstrapServers(), platform.schemaRegistryUrl(),
                    it.kpis, read -> read.stream().anyMatch(kpi -> kpi.getWindow().equals("1m")
                            && kpi.getWindowStart().equals(t0) && kpi.getTradeCount() == 2),
                    Duration.ofSeconds(60));
            assertThat(kpis).isNotEmpty();

            List<ConsumerRecord<byte[], byte[]>> dead = KafkaTestIo.readDlq(platform.kafkaBootstrapServers(), it.dlq,
                    1, Duration.ofSeconds(30));
            assertThat(dead).hasSize(1);
            ConsumerRecord<byte[], byte[]> truncated = dead.get(0);
            assertThat(truncated.key()).isEqualTo(key);
            assertThat(header(truncated, "dlq.error.stage")).isEqualTo("deserialize");
            assertThat(header(truncated, "dlq.truncated")).isEqualTo("true");
            assertThat(header(truncated, "dlq.original.size")).isEqualTo(Integer.toString(pill.length));
            assertThat(header(truncated, "dlq.original.sha256")).isEqualTo(
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pill)));
            assertThat(truncated.value().length).isPositive().isLessThan(DLQ_LIMIT);
            assertThat(truncated.value()).isEqualTo(Arrays.copyOf(pill, truncated.value().length));

            assertThat(DlqMetrics.truncated(app.instance().metrics())).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(app.instance().streams().state()).isEqualTo(KafkaStreams.State.RUNNING));
            assertThat(app.instance().isAlive()).isTrue();
        }
    }

    private static void limitMessageSize(String bootstrap, String topic, int bytes) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(bytes)),
                    AlterConfigOp.OpType.SET)))).all().get();
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
