package io.ticklake.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.connect.config.TickLakeSinkConfig;
import io.ticklake.connect.testing.InMemoryObjectStore;
import io.ticklake.connect.testing.LakeRows;
import io.ticklake.connect.testing.ManualClock;
import io.ticklake.connect.testing.RecordingTaskContext;
import io.ticklake.connect.testing.Ticks;
import io.ticklake.schemas.Alert;
import io.ticklake.schemas.AlertKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TickLakeSinkTaskTest {

    private static final Instant T0 = Instant.parse("2026-11-20T14:10:00Z");
    private static final TopicPartition P0 = new TopicPartition(Ticks.TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(Ticks.TOPIC, 1);
    private static final TopicPartition P2 = new TopicPartition(Ticks.TOPIC, 2);

    private final Ticks ticks = new Ticks("mock://" + UUID.randomUUID());
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final RecordingTaskContext context = new RecordingTaskContext().assign(P0, P1, P2);
    private TickLakeSinkTask task;

    @TempDir
    Path tmp;

    private TickLakeSinkTask start(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>();
        props.put("lake.uri", "s3a://lake");
        props.put("schema.registry.url", ticks.registryUrl());
        props.put("flush.size", "3");
        props.put("rotate.interval.ms", "-1");
        props.put("rotate.idle.ms", "-1");
        props.put("retry.backoff.ms", "1000");
        props.put("retry.backoff.max.ms", "4000");
        props.putAll(overrides);
        task = new TickLakeSinkTask(config -> store, clock);
        task.initialize(context);
        task.start(props);
        task.open(List.of(P0, P1, P2));
        return task;
    }

    @AfterEach
    void stop() {
        if (task != null) {
            task.stop();
        }
    }

    private List<SinkRecord> records(int partition, long from, long to) {
        List<SinkRecord> records = new ArrayList<>();
        for (long offset = from; offset < to; offset++) {
            records.add(ticks.tickRecord(partition, offset, "ACME", T0.plusSeconds(offset)));
        }
        return records;
    }

    private List<Long> lakeOffsets(int partition) {
        return LakeRows.read(store.dumpTo(tmp)).stream().filter(r -> r.partition() == partition)
                .map(LakeRows.Row::offset).toList();
    }

    private Map<TopicPartition, OffsetAndMetadata> preCommit() {
        Map<TopicPartition, OffsetAndMetadata> current = new HashMap<>();
        for (TopicPartition tp : List.of(P0, P1, P2)) {
            current.put(tp, new OffsetAndMetadata(999));
        }
        return task.preCommit(current);
    }

    @Test
    void commitsOnlyOffsetsOfDurableFiles() {
        start(Map.of());
        task.put(records(0, 0, 5));

        assertThat(lakeOffsets(0)).containsExactly(0L, 1L, 2L);
        assertThat(preCommit()).containsExactly(Map.entry(P0, new OffsetAndMetadata(3)));
    }

    @Test
    void anAlertTaskLandsAlertsInRawStockAlertsByEventHourAndReportsAnythingElse() throws Exception {
        start(Map.of("record.type", "alert"));
        Instant fired = Instant.parse("2026-11-20T14:59:59.900Z");
        List<SinkRecord> batch = List.of(
                ticks.record(0, 0, alert("r1", AlertKind.PRICE_CROSS, fired, null), fired.toEpochMilli() + 3),
                ticks.record(0, 1, "not avro".getBytes(), 5L),
                ticks.record(0, 2, alert("r2", AlertKind.VOLUME_SPIKE, fired.plusMillis(200), "5m"), 7L),
                ticks.record(0, 3, alert("r1", AlertKind.PRICE_CROSS, fired.plusSeconds(1), null), 8L));

        task.put(batch);

        assertThat(context.reports()).singleElement().satisfies(report -> {
            assertThat(report.record().kafkaOffset()).isEqualTo(1);
            assertThat(report.error()).hasMessageContaining("Unknown magic byte");
        });
        assertThat(store.objects().keySet()).containsExactlyInAnyOrder(
                "raw/stock_alerts/year=2026/month=11/day=20/hour=14/stock-ticks+0+00000000000000000000.parquet",
                "raw/stock_alerts/year=2026/month=11/day=20/hour=15/stock-ticks+0+00000000000000000002.parquet");
        Path lake = store.dumpTo(tmp);
        String sql = "SELECT rule_id, kind, rule_window, epoch_ms(event_time), epoch_ms(window_start), kafka_offset,"
                + " epoch_ms(ingest_time) FROM read_parquet('" + lake.toAbsolutePath() + "/**/*.parquet') ORDER BY kafka_offset";
        List<String> rows = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4) + " "
                        + rs.getString(5) + " " + rs.getLong(6) + " " + rs.getLong(7));
            }
        }
        long t = fired.toEpochMilli();
        assertThat(rows).containsExactly(
                "r1 PRICE_CROSS null " + t + " null 0 " + (t + 3),
                "r2 VOLUME_SPIKE 5m " + (t + 200) + " " + (t + 200 - 300_000) + " 2 7",
                "r1 PRICE_CROSS null " + (t + 1000) + " null 3 8");
        assertThat(preCommit()).containsEntry(P0, new OffsetAndMetadata(4));
    }

    @Test
    void aDeadLetterTaskLandsEveryDeadLetterWithTheReasonFromEitherWritersHeaders() throws Exception {
        start(Map.of("record.type", "dead_letter"));
        long t = T0.toEpochMilli();
        ConnectHeaders streams = new ConnectHeaders();
        streams.addBytes("dlq.error.stage", "validate".getBytes()).addBytes("dlq.error.class", "Invalid".getBytes())
                .addBytes("dlq.error.message", "price -1.0 is not a finite number above 0".getBytes())
                .addBytes("dlq.source.topic", "stock-ticks".getBytes()).addBytes("dlq.source.partition", "2".getBytes())
                .addBytes("dlq.source.offset", "41".getBytes());
        ConnectHeaders connect = new ConnectHeaders();
        connect.addBytes("__connect.errors.topic", "stock-ticks".getBytes())
                .addBytes("__connect.errors.partition", "2".getBytes()).addBytes("__connect.errors.offset", "41".getBytes())
                .addBytes("__connect.errors.stage", "TASK_PUT".getBytes())
                .addBytes("__connect.errors.exception.class.name", "org.apache.kafka.connect.errors.DataException".getBytes())
                .addBytes("__connect.errors.exception.message",
                        "tick at stock-ticks-2@41 breaks the StockTick contract: volume -3 is negative".getBytes());
        task.put(List.of(deadLetter(0, "ACME", new byte[] {1, 2}, t, streams),
                deadLetter(1, "ACME", new byte[] {1, 2}, t, connect),
                deadLetter(2, null, new byte[] {9}, t + 3_600_000, new ConnectHeaders())));

        assertThat(context.reports()).isEmpty();
        assertThat(store.objects().keySet()).containsExactlyInAnyOrder(
                "raw/stock_ticks_dlq/year=2026/month=11/day=20/hour=14/stock-ticks+0+00000000000000000000.parquet",
                "raw/stock_ticks_dlq/year=2026/month=11/day=20/hour=15/stock-ticks+0+00000000000000000002.parquet");
        String sql = "SELECT source_topic, source_partition, source_offset, reported_by, stage, reason, error_class, error_message,"
                + " record_key, hex(record_value), kafka_offset, epoch_ms(ingest_time) FROM read_parquet('"
                + store.dumpTo(tmp).toAbsolutePath() + "/**/*.parquet') ORDER BY kafka_offset";
        List<String> rows = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= 12; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(String.join("|", row));
            }
        }
        assertThat(rows).containsExactly(
                "stock-ticks|2|41|streams|validate|price|Invalid|price -1.0 is not a finite number above 0|ACME|0102|0|" + t,
                "stock-ticks|2|41|connect|task_put|volume|org.apache.kafka.connect.errors.DataException"
                        + "|tick at stock-ticks-2@41 breaks the StockTick contract: volume -3 is negative|ACME|0102|1|" + t,
                "null|null|null|unknown|null|unknown|null|null|null|09|2|" + (t + 3_600_000));
        assertThat(preCommit()).containsEntry(P0, new OffsetAndMetadata(3));
    }

    private static SinkRecord deadLetter(long offset, String key, byte[] value, long timestamp, ConnectHeaders headers) {
        // on the task's assigned partition P0; the topic name plays no part in decoding a dead letter
        return new SinkRecord(P0.topic(), 0, org.apache.kafka.connect.data.Schema.OPTIONAL_BYTES_SCHEMA,
                key == null ? null : key.getBytes(), org.apache.kafka.connect.data.Schema.OPTIONAL_BYTES_SCHEMA, value,
                offset, timestamp, TimestampType.CREATE_TIME, headers);
    }

    private static Alert alert(String ruleId, AlertKind kind, Instant eventTime, String window) {
        Instant windowStart = window == null ? null : eventTime.minusSeconds(300);
        return Alert.newBuilder().setRuleId(ruleId).setSymbol("ACME").setKind(kind).setEventTime(eventTime)
                .setWindow(window).setWindowStart(windowStart).setPrice(101.5).setThreshold(100.0)
                .setReference(99.0).setMessage(ruleId + " fired").setFiredAt(eventTime.plusMillis(1)).build();
    }

    @Test
    void poisonRecordGoesToTheReporterWithItsReasonAndTheRestFlows() {
        start(Map.of());
        List<SinkRecord> batch = new ArrayList<>(records(0, 0, 2));
        batch.add(ticks.record(0, 2, "not avro".getBytes(), 1L));
        batch.addAll(records(0, 3, 5));

        task.put(batch);

        assertThat(context.reports()).hasSize(1);
        assertThat(context.reports().get(0).record().kafkaOffset()).isEqualTo(2);
        assertThat(context.reports().get(0).error()).hasMessageContaining("Unknown magic byte 0x6e")
                .hasMessageContaining("stock-ticks");
        assertThat(lakeOffsets(0)).containsExactly(0L, 1L, 3L);
        assertThat(preCommit()).containsEntry(P0, new OffsetAndMetadata(4));
    }

    @Test
    void decodableTickThatBreaksTheContractIsReportedNotLanded() {
        start(Map.of());
        List<SinkRecord> batch = new ArrayList<>(records(0, 0, 2));
        batch.add(ticks.tickRecord(0, 2, "not a symbol", T0.plusSeconds(2)));
        batch.addAll(records(0, 3, 5));

        task.put(batch);

        assertThat(context.reports()).singleElement().satisfies(report -> {
            assertThat(report.record().kafkaOffset()).isEqualTo(2);
            assertThat(report.error()).hasMessageContaining("breaks the StockTick contract")
                    .hasMessageContaining("symbol 'not a symbol'");
        });
        assertThat(lakeOffsets(0)).containsExactly(0L, 1L, 3L);
    }

    /** The same rules as the streams app: the key is the symbol, and the future is judged by the record's timestamp. */
    @Test
    void tickKeyedOtherwiseOrAheadOfItsRecordIsReportedNotLanded() {
        start(Map.of(TickLakeSinkConfig.MAX_FUTURE_MS, "10000"));
        List<SinkRecord> batch = new ArrayList<>(records(0, 0, 1));
        SinkRecord tick = ticks.tickRecord(0, 1, "ACME", T0.plusSeconds(1));
        batch.add(tick.newRecord(tick.topic(), 0, tick.keySchema(), "OTHER", tick.valueSchema(), tick.value(),
                tick.timestamp()));
        batch.add(ticks.record(0, 2, Ticks.tick("ACME", T0.plusSeconds(12), 2), T0.plusSeconds(1).toEpochMilli()));
        batch.add(ticks.record(0, 3, Ticks.tick("ACME", T0.plusSeconds(11), 3), T0.plusSeconds(1).toEpochMilli()));
        batch.addAll(records(0, 4, 5));

        task.put(batch);

        assertThat(context.reports()).extracting(report -> report.record().kafkaOffset() + ": "
                + report.error().getMessage()).satisfiesExactly(
                first -> assertThat(first).startsWith("1: ").contains("record key 'OTHER' is not the tick's symbol"),
                second -> assertThat(second).startsWith("2: ").contains("more than 10000 ms ahead of the record's"));
        assertThat(lakeOffsets(0)).containsExactly(0L, 3L, 4L);
    }

    @Test
    void recordWithoutAnHourDirectoryIsReported() {
        start(Map.of());
        task.put(List.of(ticks.tickRecord(0, 0, "ACME", Instant.parse("+10000-01-01T00:00:00Z"))));

        assertThat(context.reports()).singleElement().satisfies(report ->
                assertThat(report.error()).hasMessageContaining("event_time").hasMessageContaining("0001-9999"));
        assertThat(preCommit()).containsEntry(P0, new OffsetAndMetadata(1));
    }

    @Test
    void tombstonesAreIgnoredOrFailTheTaskAsConfigured() {
        start(Map.of());
        task.put(List.of(ticks.record(1, 0, null, 1L)));
        assertThat(preCommit()).containsEntry(P1, new OffsetAndMetadata(1));
        assertThat(context.reports()).isEmpty();
        task.stop();

        start(Map.of("behavior.on.null.values", "fail"));
        assertThatThrownBy(() -> task.put(List.of(ticks.record(1, 0, null, 1L))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("stock-ticks-1@0")
                .hasMessageContaining("behavior.on.null.values=fail");
    }

    @Test
    void valuesThatAreNotBytesNameTheConverterToUse() {
        start(Map.of());
        SinkRecord structured = new SinkRecord(Ticks.TOPIC, 0, null, null, null, Map.of("symbol", "ACME"), 0);
        assertThatThrownBy(() -> task.put(List.of(structured))).isInstanceOf(ConnectException.class)
                .hasMessageContaining("ByteArrayConverter");
    }

    @Test
    void storeOutagePausesRewindsAndRetriesWithDoublingBackoff() {
        start(Map.of());
        store.setUnavailable(true);

        task.put(records(0, 0, 5));

        assertThat(context.takeSeek(P0)).isEqualTo(0L);
        assertThat(context.isPaused(P0)).isTrue();
        assertThat(context.timeout()).isEqualTo(1000L);
        assertThat(preCommit()).doesNotContainKey(P0);

        // still within the backoff: stays paused
        clock.advance(Duration.ofMillis(999));
        task.put(List.of());
        assertThat(context.isPaused(P0)).isTrue();
        clock.advance(Duration.ofMillis(1));
        task.put(List.of());
        assertThat(context.isPaused(P0)).isFalse();

        // the rewound records come again; the store is still down: the wait doubles
        task.put(records(0, 0, 5));
        assertThat(context.takeSeek(P0)).isEqualTo(0L);
        assertThat(context.timeout()).isEqualTo(2000L);

        clock.advance(Duration.ofMillis(2000));
        store.setUnavailable(false);
        task.put(List.of());
        task.put(records(0, 0, 7));

        assertThat(lakeOffsets(0)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(preCommit()).containsEntry(P0, new OffsetAndMetadata(6));
        assertThat(context.reports()).isEmpty();
    }

    @Test
    void partitionPausedForBackoffIsResumedWhenAssignedAgain() {
        start(Map.of());
        store.setUnavailable(true);
        task.put(records(0, 0, 5));
        assertThat(context.isPaused(P0)).isTrue();
        assertThat(context.takeSeek(P0)).isEqualTo(0L);

        // a rebalance during the outage: Connect keeps its own pause of P0 across revoke and assign
        task.preCommit(Map.of(P0, new OffsetAndMetadata(0)));
        task.close(List.of(P0));
        task.open(List.of(P0));

        assertThat(context.isPaused(P0)).as("P0 is consumed again after its assignment").isFalse();
        store.setUnavailable(false);
        task.put(records(0, 0, 7));
        assertThat(lakeOffsets(0)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(preCommit()).containsEntry(P0, new OffsetAndMetadata(6));
    }

    @Test
    void preCommitUploadsNothingSoAFailureDuringRevocationSeeksNothing() {
        start(Map.of("flush.size", "100", "rotate.idle.ms", "30000"));
        task.put(records(1, 0, 2));
        clock.advance(Duration.ofSeconds(31));
        store.setUnavailable(true);

        // Connect calls preCommit while revoking; an idle close here would fail and seek a partition being given up
        assertThat(task.preCommit(Map.of(P1, new OffsetAndMetadata(2)))).containsEntry(P1, new OffsetAndMetadata(0));
        task.close(List.of(P1));

        assertThat(context.takeSeek(P1)).isNull();
        assertThat(context.isPaused(P1)).isFalse();
        assertThat(store.putLog()).isEmpty();
    }

    @Test
    void idleCloseHappensInPutEvenWithoutRecords() {
        start(Map.of("flush.size", "100", "rotate.idle.ms", "30000"));
        task.put(records(1, 0, 2));
        clock.advance(Duration.ofSeconds(31));

        assertThat(preCommit()).containsEntry(P1, new OffsetAndMetadata(0));
        task.put(List.of());

        assertThat(lakeOffsets(1)).containsExactly(0L, 1L);
        assertThat(preCommit()).containsEntry(P1, new OffsetAndMetadata(2));
    }

    @Test
    void otherPartitionsKeepFlowingWhileOneRetries() {
        start(Map.of());
        store.failNextPuts(1);
        List<SinkRecord> batch = new ArrayList<>(records(0, 0, 3));
        batch.addAll(records(1, 0, 3));

        task.put(batch);

        assertThat(context.isPaused(P0)).isTrue();
        assertThat(context.isPaused(P1)).isFalse();
        assertThat(lakeOffsets(1)).containsExactly(0L, 1L, 2L);
        assertThat(lakeOffsets(0)).isEmpty();
    }

    @Test
    void unreachableRegistryIsRetriedNotDeadLettered() {
        byte[] value = ticks.bytes(Ticks.tick("ACME", T0, 1));
        start(Map.of("schema.registry.url", "http://127.0.0.1:1", "max.retries", "0"));

        task.put(List.of(ticks.record(2, 7, value, 1L)));

        assertThat(context.reports()).isEmpty();
        assertThat(context.isPaused(P2)).isTrue();
        assertThat(context.takeSeek(P2)).isEqualTo(7L);
    }

    @Test
    void idlePartitionIsClosedOnTheWallClockAndTheTaskAsksToBeCalledBack() {
        start(Map.of("flush.size", "100", "rotate.idle.ms", "30000"));
        task.put(records(2, 0, 2));
        assertThat(context.timeout()).isEqualTo(30_000L);
        assertThat(store.keys()).isEmpty();

        clock.advance(Duration.ofSeconds(30));
        task.put(List.of());

        assertThat(lakeOffsets(2)).containsExactly(0L, 1L);
        assertThat(preCommit()).containsEntry(P2, new OffsetAndMetadata(2));
    }

    @Test
    void openFilesAboveTheTaskLimitCloseTheLargestBatch() {
        start(Map.of("flush.size", "100", "max.open.files", "2"));
        List<SinkRecord> batch = new ArrayList<>(records(0, 0, 2));
        batch.addAll(records(1, 0, 1));
        batch.addAll(records(2, 0, 1));

        task.put(batch);

        int open = task.writers().writer(P0).openFiles() + task.writers().writer(P1).openFiles()
                + task.writers().writer(P2).openFiles();
        assertThat(open).isLessThanOrEqualTo(2);
        assertThat(store.keys()).hasSize(1);
    }

    @Test
    void newerCompatibleSchemaIsProjectedIntoTheSameFile() throws IOException {
        start(Map.of("flush.size", "6"));
        Schema v2;
        try (InputStream in = getClass().getResourceAsStream("/avro/StockTick-v2.avsc")) {
            v2 = new Schema.Parser().parse(in);
        }
        List<SinkRecord> batch = new ArrayList<>();
        for (long offset = 0; offset < 6; offset++) {
            Instant time = T0.plusSeconds(offset);
            if (offset % 2 == 0) {
                batch.add(ticks.tickRecord(0, offset, "ACME", time));
            } else {
                GenericRecord tick = new GenericData.Record(v2);
                tick.put("symbol", "ACME");
                tick.put("price", 101.0);
                tick.put("volume", 5L);
                tick.put("event_time", time.toEpochMilli());
                tick.put("sequence", offset);
                tick.put("source", "REPLAY");
                tick.put("exchange", "XNAS");
                batch.add(ticks.record(0, offset, tick, time.toEpochMilli()));
            }
        }

        task.put(batch);

        assertThat(context.reports()).isEmpty();
        assertThat(store.keys()).hasSize(1);
        assertThat(lakeOffsets(0)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void ingestTimeCanChooseTheHourDirectory() {
        start(Map.of("partition.field", "ingest_time", "flush.size", "1"));
        Instant eventTime = Instant.parse("2026-11-20T14:59:59Z");
        task.put(List.of(ticks.record(0, 0, Ticks.tick("ACME", eventTime, 0),
                Instant.parse("2026-11-20T15:00:01Z").toEpochMilli())));

        assertThat(store.keys()).containsExactly(
                "raw/stock_ticks/year=2026/month=11/day=20/hour=15/stock-ticks+0+00000000000000000000.parquet");
    }

    @Test
    void revokedPartitionsDropTheirBufferAndCommitNothingNew() {
        start(Map.of());
        task.put(records(0, 0, 4));
        task.close(List.of(P0));

        assertThat(task.preCommit(Map.of(P0, new OffsetAndMetadata(4)))).isEmpty();
        assertThat(lakeOffsets(0)).containsExactly(0L, 1L, 2L);
    }
}
