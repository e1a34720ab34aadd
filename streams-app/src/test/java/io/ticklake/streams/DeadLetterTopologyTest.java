package io.ticklake.streams;

import static io.ticklake.streams.KpiTopologyTest.T0;
import static io.ticklake.streams.KpiTopologyTest.WALL_CLOCK;
import static io.ticklake.streams.KpiTopologyTest.header;
import static io.ticklake.streams.testing.Ticks.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.StockTick;
import io.ticklake.streams.ingest.DlqMetrics;
import io.ticklake.streams.ingest.DlqStage;
import io.ticklake.streams.testing.TopologyDriverFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Undeserializable and invalid ticks: each lands in the DLQ with its reason and bytes, is counted, and processing goes on. */
class DeadLetterTopologyTest {

    @Test
    void poisonPillsAreDeadLetteredWithTheirReason() throws Exception {
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK)) {
            byte[] valid = fixture.avroBytes(tick("AAPL", 100.0, 1, T0, 1));
            byte[] corruptBody = Arrays.copyOf(valid, 6);
            corruptBody[5] = (byte) 0xFF;
            List<byte[]> pills = Arrays.asList(
                    "hello".getBytes(StandardCharsets.UTF_8),
                    new byte[] {1, 0, 0, 0, 1, 2},
                    new byte[] {0, 0, 0, 0x03, (byte) 0xE7, 1, 2, 3},
                    new byte[] {0, 0},
                    corruptBody,
                    null);
            var raw = fixture.rawTicks();
            pills.forEach(pill -> raw.pipeInput("AAPL", pill));
            raw.pipeInput("AAPL", valid);

            List<TestRecord<byte[], byte[]>> dead = fixture.dlq().readRecordsToList();
            assertThat(dead).hasSize(6);
            for (int i = 0; i < dead.size(); i++) {
                TestRecord<byte[], byte[]> record = dead.get(i);
                assertThat(record.value()).isEqualTo(pills.get(i));
                assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("AAPL");
                assertThat(header(record, "dlq.error.stage")).isEqualTo("deserialize");
                assertThat(header(record, "dlq.error.class"))
                        .isEqualTo("org.apache.kafka.common.errors.SerializationException");
                assertThat(header(record, "dlq.source.offset")).isEqualTo(Integer.toString(i));
            }
            assertThat(dead).extracting(record -> header(record, "dlq.error.message")).satisfiesExactly(
                    message -> assertThat(message).contains("Unknown magic byte 0x68"),
                    message -> assertThat(message).contains("Unknown magic byte 0x01"),
                    message -> assertThat(message).contains("Unknown schema id 999"),
                    message -> assertThat(message).contains("Truncated payload"),
                    message -> assertThat(message).contains("Truncated or corrupt Avro payload"),
                    message -> assertThat(message).contains("has no value"));
            assertThat(DlqMetrics.total(fixture.driver().metrics(), DlqStage.DESERIALIZE)).isEqualTo(6);
            assertThat(fixture.kpis().readValuesToList()).extracting(kpi -> kpi.getTradeCount()).containsOnly(1L);
        }
    }

    /**
     * A tick from a producer whose clock runs 30 s fast (within the old 60 s wall-clock allowance, beyond the
     * 10 s grace) once moved stream time and sent another symbol's on-time tick to the DLQ as late. The
     * future is now judged against the record's timestamp with the grace as the limit: the fast tick is
     * invalid, the other symbol's tick counts.
     */
    @Test
    void aTickAheadOfItsRecordByMoreThanGraceIsInvalidAndMakesNothingLate() throws Exception {
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK)) {
            var ticks = fixture.ticks();
            ticks.pipeInput("AAPL", tick("AAPL", 100.0, 1, WALL_CLOCK.plusSeconds(30), 1));
            ticks.pipeInput("MSFT", tick("MSFT", 50.0, 1, WALL_CLOCK.minusSeconds(10), 1));
            // closes MSFT's minute without moving stream time past the grace
            ticks.pipeInput("MSFT", tick("MSFT", 51.0, 1, WALL_CLOCK.plusSeconds(10), 2));

            List<TestRecord<byte[], byte[]>> dead = fixture.dlq().readRecordsToList();
            assertThat(dead).extracting(record -> header(record, "dlq.error.message")).singleElement().asString()
                    .contains("is more than 10000 ms ahead of the record's timestamp");
            assertThat(fixture.kpis().readValuesToList()).extracting(kpi -> kpi.getSymbol() + "@"
                    + kpi.getWindowStart() + "=" + kpi.getTradeCount()).contains(
                    "MSFT@" + WALL_CLOCK.minusSeconds(60) + "=1");
        }
    }

    @Test
    void invalidTicksAreDeadLetteredWithTheRuleTheyBreak() throws Exception {
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK)) {
            var ticks = fixture.ticks();
            Instant farFuture = WALL_CLOCK.plus(Duration.ofMinutes(2));
            List<String> keys = Arrays.asList("aapl", "AAPL", "AAPL", "AAPL", "AAPL", "MSFT", null, "AAPL");
            List<StockTick> invalid = List.of(
                    tick("aapl", 100.0, 1, T0, 1),
                    tick("AAPL", -1.0, 1, T0, 2),
                    tick("AAPL", Double.NaN, 1, T0, 3),
                    tick("AAPL", 100.0, -5, T0, 4),
                    tick("AAPL", 100.0, 1, farFuture, 5),
                    tick("AAPL", 100.0, 1, T0, 6),
                    tick("AAPL", 100.0, 1, T0, 7),
                    tick("AAPL", 100.0, 1, Instant.ofEpochMilli(-1_000), 8));
            for (int i = 0; i < invalid.size(); i++) {
                ticks.pipeInput(keys.get(i), invalid.get(i));
            }
            // the far-future tick did not move stream time: a tick at T0 is still on time
            ticks.pipeInput("AAPL", tick("AAPL", 100.0, 1, T0, 9));

            List<TestRecord<byte[], byte[]>> dead = fixture.dlq().readRecordsToList();
            assertThat(dead).extracting(record -> header(record, "dlq.error.stage")).containsOnly("validate");
            assertThat(dead).extracting(record -> header(record, "dlq.error.class"))
                    .containsOnly("io.ticklake.streams.ingest.InvalidTickException");
            assertThat(dead).extracting(record -> header(record, "dlq.error.message")).satisfiesExactly(
                    message -> assertThat(message).contains("symbol 'aapl' does not match"),
                    message -> assertThat(message).contains("price -1.0"),
                    message -> assertThat(message).contains("price NaN"),
                    message -> assertThat(message).contains("volume -5 is negative"),
                    message -> assertThat(message).contains("ahead of the record's timestamp " + WALL_CLOCK),
                    message -> assertThat(message).contains("record key 'MSFT' is not the tick's symbol 'AAPL'"),
                    message -> assertThat(message).contains("record key is missing"),
                    message -> assertThat(message).contains("before 1970"));
            assertThat(dead.get(6).key()).isNull();
            assertThat(DlqMetrics.total(fixture.driver().metrics(), DlqStage.VALIDATE)).isEqualTo(8);
            assertThat(fixture.kpis().readValuesToList()).isNotEmpty().extracting(kpi -> kpi.getTradeCount())
                    .containsOnly(1L);
        }
    }

    @Test
    void aKeyThatIsNotUtf8ReachesTheDlqByteForByte() throws Exception {
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK)) {
            byte[] key = {(byte) 0xC3, 0x28};
            byte[] value = fixture.avroBytes(tick("AAPL", 100.0, 1, T0, 1));
            fixture.driver().createInputTopic(fixture.config().ticksTopic(), new ByteArraySerializer(),
                    new ByteArraySerializer()).pipeInput(key, value);

            TestRecord<byte[], byte[]> dead = fixture.dlq().readRecord();
            assertThat(dead.key()).isEqualTo(key);
            assertThat(dead.value()).isEqualTo(value);
            assertThat(header(dead, "dlq.error.stage")).isEqualTo("validate");
        }
    }
}
