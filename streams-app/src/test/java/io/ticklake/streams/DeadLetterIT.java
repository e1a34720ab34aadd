package io.ticklake.streams;

import static io.ticklake.streams.testing.Ticks.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.ingest.DlqMetrics;
import io.ticklake.streams.ingest.DlqStage;
import io.ticklake.streams.testing.ItConfig;
import io.ticklake.streams.testing.KafkaTestIo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Poison pills, invalid and late ticks on the real broker and registry: each in the DLQ with its reason, counted, and the app keeps running. */
@ExtendWith(LocalPlatformExtension.class)
class DeadLetterIT {

    @Test
    void badRecordsLandInTheDlqAndGoodOnesStillCount(TestPlatform platform) throws Exception {
        ItConfig it = new ItConfig(platform, "dlq", 1);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
        try (StreamsApp app = StreamsApp.start(new StreamsAppConfig(it.instance(Map.of())));
             KafkaProducer<String, Object> ticks = KafkaTestIo.tickProducer(platform.kafkaBootstrapServers(),
                     platform.schemaRegistryUrl());
             KafkaProducer<byte[], byte[]> raw = KafkaTestIo.rawProducer(platform.kafkaBootstrapServers())) {
            byte[] key = "AAPL".getBytes(StandardCharsets.UTF_8);
            List<byte[]> pills = List.of("not avro".getBytes(StandardCharsets.UTF_8), new byte[] {7, 0, 0, 0, 1, 2},
                    new byte[] {0, 0x7F, (byte) 0xFF, (byte) 0xFF, 0x70, 2, 4});
            for (byte[] pill : pills) {
                raw.send(new ProducerRecord<>(it.ticks, key, pill)).get();
            }
            send(ticks, it.ticks, tick("AAPL", -5.0, 1, t0, 1));
            send(ticks, it.ticks, tick("AAPL", 100.0, 10, t0, 2));
            send(ticks, it.ticks, tick("AAPL", 104.0, 30, t0.plusSeconds(90), 3));
            send(ticks, it.ticks, tick("AAPL", 1000.0, 1, t0.plusSeconds(20), 4));   // minute 0 closed at t0+70s
            send(ticks, it.ticks, tick("AAPL", 102.0, 10, t0.plusSeconds(95), 5));

            List<ConsumerRecord<byte[], byte[]>> dead = KafkaTestIo.readDlq(platform.kafkaBootstrapServers(), it.dlq,
                    5, Duration.ofSeconds(60));
            assertThat(dead).hasSize(5);
            assertThat(dead).extracting(record -> header(record, "dlq.error.stage"))
                    .containsExactly("deserialize", "deserialize", "deserialize", "validate", "late");
            assertThat(dead).extracting(record -> header(record, "dlq.source.offset"))
                    .containsExactly("0", "1", "2", "3", "6");
            assertThat(dead).allSatisfy(record -> {
                assertThat(record.key()).isEqualTo(key);
                assertThat(header(record, "dlq.source.topic")).isEqualTo(it.ticks);
                assertThat(header(record, "dlq.source.partition")).isEqualTo("0");
            });
            for (int i = 0; i < pills.size(); i++) {
                assertThat(dead.get(i).value()).isEqualTo(pills.get(i));
            }
            assertThat(header(dead.get(0), "dlq.error.message")).contains("Unknown magic byte 0x6e");
            assertThat(header(dead.get(2), "dlq.error.message")).contains("Unknown schema id " + 0x7FFFFF70);
            assertThat(header(dead.get(3), "dlq.error.message")).contains("price -5.0");

            // the good ticks made it: minute 1 of AAPL has both of its trades
            List<WindowKpi> kpis = KafkaTestIo.readKpis(platform.kafkaBootstrapServers(), platform.schemaRegistryUrl(),
                    it.kpis, read -> read.stream().anyMatch(kpi -> kpi.getWindow().equals("1m")
                            && kpi.getWindowStart().equals(t0.plusSeconds(60)) && kpi.getTradeCount() == 2),
                    Duration.ofSeconds(60));
            assertThat(kpis).filteredOn(kpi -> kpi.getWindow().equals("1m") && kpi.getWindowStart().equals(t0))
                    .allSatisfy(kpi -> assertThat(kpi.getHigh()).isEqualTo(100.0));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(DlqMetrics.total(app.instance().streams().metrics(), DlqStage.DESERIALIZE)).isEqualTo(3);
                assertThat(DlqMetrics.total(app.instance().streams().metrics(), DlqStage.VALIDATE)).isEqualTo(1);
                assertThat(DlqMetrics.total(app.instance().streams().metrics(), DlqStage.LATE)).isEqualTo(1);
            });
            assertThat(app.instance().streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    private static void send(KafkaProducer<String, Object> producer, String topic, StockTick tick) throws Exception {
        producer.send(new ProducerRecord<>(topic, tick.getSymbol(), tick)).get();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
