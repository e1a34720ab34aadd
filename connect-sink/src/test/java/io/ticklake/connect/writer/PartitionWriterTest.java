package io.ticklake.connect.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.connect.format.ParquetSettings;
import io.ticklake.connect.format.RawTickRow;
import io.ticklake.connect.storage.StoreException;
import io.ticklake.connect.testing.InMemoryObjectStore;
import io.ticklake.connect.testing.LakeRows;
import io.ticklake.connect.testing.ManualClock;
import io.ticklake.connect.testing.Ticks;
import io.ticklake.connect.testing.ZombieWrites;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionWriterTest {

    private static final TopicPartition TP = new TopicPartition("stock-ticks", 3);
    private static final Instant T0 = Instant.parse("2026-11-20T14:10:00Z");
    private static final String HOUR_14 = "raw/stock_ticks/year=2026/month=11/day=20/hour=14/";
    private static final String HOUR_13 = "raw/stock_ticks/year=2026/month=11/day=20/hour=13/";

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));

    @TempDir
    Path tmp;

    private static WriterSettings settings(int flushSize, Duration interval, Duration idle) {
        return new WriterSettings("stock_ticks", new RotationPolicy(flushSize, interval, idle),
                new ParquetSettings(1 << 20, 64 * 1024), Duration.ofMillis(100), Duration.ofMillis(800));
    }

    private PartitionWriter writer(int flushSize, Duration interval, Duration idle) {
        return new PartitionWriter(TP, settings(flushSize, interval, idle), store, clock);
    }

    private static void append(PartitionWriter writer, long offset, Instant eventTime) {
        writer.append(new RawTickRow(Ticks.tick("ACME", eventTime, offset), offset, eventTime.toEpochMilli() + 1),
                eventTime.toEpochMilli());
    }

    private static String name(long offset) {
        return String.format("stock-ticks+3+%020d.parquet", offset);
    }

    private Map<String, List<Long>> offsetsByFile() {
        return LakeRows.read(store.dumpTo(tmp)).stream().collect(Collectors.groupingBy(
                row -> row.hourDir() + "/" + row.file(), java.util.TreeMap::new,
                Collectors.mapping(LakeRows.Row::offset, Collectors.toList())));
    }

    @Test
    void closesAtFlushSizeAndCommitsOnlyClosedFiles() {
        PartitionWriter writer = writer(4, null, null);
        for (long offset = 0; offset < 10; offset++) {
            append(writer, offset, T0.plusSeconds(offset));
        }

        assertThat(store.keys()).containsExactly(HOUR_14 + name(0), HOUR_14 + name(4));
        assertThat(offsetsByFile()).containsExactly(
                Map.entry(HOUR_14.substring(0, HOUR_14.length() - 1) + "/" + name(0), List.of(0L, 1L, 2L, 3L)),
                Map.entry(HOUR_14.substring(0, HOUR_14.length() - 1) + "/" + name(4), List.of(4L, 5L, 6L, 7L)));
        // offsets 8 and 9 are buffered, not durable: the commit point is the open batch's start
        assertThat(writer.committableOffset()).isEqualTo(OptionalLong.of(8));
    }

    @Test
    void closesWhenRecordTimeReachesTheRotateInterval() {
        PartitionWriter writer = writer(1000, Duration.ofSeconds(60), null);
        append(writer, 0, T0);
        append(writer, 1, T0.plusSeconds(30));
        append(writer, 2, T0.plusMillis(59_999));
        assertThat(store.keys()).isEmpty();

        append(writer, 3, T0.plusSeconds(60));

        assertThat(store.keys()).containsExactly(HOUR_14 + name(0));
        assertThat(offsetsByFile().values()).containsExactly(List.of(0L, 1L, 2L));
        assertThat(writer.committableOffset()).isEqualTo(OptionalLong.of(3));
    }

    @Test
    void rowsOfDifferentHoursGoToOneFilePerHourClosedTogether() {
        PartitionWriter writer = writer(4, null, null);
        Instant lateIn13 = Instant.parse("2026-11-20T13:59:59Z");
        append(writer, 0, lateIn13);
        append(writer, 1, Instant.parse("2026-11-20T14:00:00Z"));
        append(writer, 2, lateIn13.plusMillis(500));
        assertThat(store.keys()).isEmpty();
        assertThat(writer.openFiles()).isEqualTo(2);

        append(writer, 3, Instant.parse("2026-11-20T14:00:01Z"));

        assertThat(store.keys()).containsExactly(HOUR_13 + name(0), HOUR_14 + name(1));
        assertThat(offsetsByFile().values()).containsExactly(List.of(0L, 2L), List.of(1L, 3L));
        assertThat(writer.committableOffset()).isEqualTo(OptionalLong.of(4));
    }

    @Test
    void idleCloseIsStoredAndAReplayClosesAtTheSameOffset() {
        PartitionWriter first = writer(4, null, Duration.ofSeconds(30));
        append(first, 0, T0);
        append(first, 1, T0.plusSeconds(1));
        clock.advance(Duration.ofSeconds(29));
        assertThat(first.closeIfIdle(clock.millis())).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(first.closeIfIdle(clock.millis())).isTrue();
        byte[] firstRun = store.objects().get(HOUR_14 + name(0));
        assertThat(first.committableOffset()).isEqualTo(OptionalLong.of(2));

        // a replay from offset 0 that never goes idle: the stored batch end still closes at 2
        PartitionWriter replay = writer(4, null, Duration.ofSeconds(30));
        for (long offset = 0; offset < 6; offset++) {
            append(replay, offset, T0.plusSeconds(offset));
        }

        assertThat(store.keys()).containsExactly(HOUR_14 + name(0), HOUR_14 + name(2));
        assertThat(store.objects().get(HOUR_14 + name(0))).isEqualTo(firstRun);
        assertThat(offsetsByFile().values()).containsExactly(List.of(0L, 1L), List.of(2L, 3L, 4L, 5L));
    }

    @Test
    void withoutAStoredBatchTheSameRecordsFollowTheRulesAlone() {
        PartitionWriter writer = writer(4, null, Duration.ofSeconds(30));
        for (long offset = 0; offset < 6; offset++) {
            append(writer, offset, T0.plusSeconds(offset));
        }
        assertThat(store.keys()).containsExactly(HOUR_14 + name(0));
        assertThat(offsetsByFile().values()).containsExactly(List.of(0L, 1L, 2L, 3L));
    }

    @Test
    void sameRecordsGiveByteIdenticalFiles() {
        PartitionWriter first = writer(3, Duration.ofMinutes(1), null);
        for (long offset = 0; offset < 10; offset++) {
            append(first, offset, T0.plusSeconds(offset * 20));
        }
        Map<String, byte[]> firstRun = store.objects();

        InMemoryObjectStore otherStore = new InMemoryObjectStore();
        PartitionWriter second = new PartitionWriter(TP, settings(3, Duration.ofMinutes(1), null), otherStore, clock);
        for (long offset = 0; offset < 10; offset++) {
            append(second, offset, T0.plusSeconds(offset * 20));
        }

        assertThat(otherStore.keys()).isEqualTo(List.copyOf(firstRun.keySet()));
        firstRun.forEach((key, bytes) -> assertThat(otherStore.objects().get(key)).as(key).isEqualTo(bytes));
    }

    @Test
    void failedUploadRewindsToTheBatchStartAndTheRetryWritesEachOffsetOnce() {
        PartitionWriter writer = writer(3, null, null);
        for (long offset = 0; offset < 3; offset++) {
            append(writer, offset, T0.plusSeconds(offset));
        }
        append(writer, 3, T0.plusSeconds(3));
        append(writer, 4, T0.plusSeconds(4));
        store.failNextPuts(1);

        assertThatThrownBy(() -> append(writer, 5, T0.plusSeconds(5)))
                .isInstanceOf(StoreException.class).hasMessageContaining("injected outage");
        assertThat(writer.rewind(5)).isEqualTo(3);
        assertThat(writer.committableOffset()).isEmpty();

        for (long offset = 3; offset < 6; offset++) {
            append(writer, offset, T0.plusSeconds(offset));
        }
        assertThat(store.keys()).containsExactly(HOUR_14 + name(0), HOUR_14 + name(3));
        assertThat(offsetsByFile().values()).containsExactly(List.of(0L, 1L, 2L), List.of(3L, 4L, 5L));
        assertThat(writer.committableOffset()).isEqualTo(OptionalLong.of(6));
    }

    @Test
    void skippedRecordsAdvanceTheCommitPointButNeverNameAFile() {
        PartitionWriter writer = writer(2, null, null);
        writer.skip(0);
        writer.skip(1);
        assertThat(writer.committableOffset()).isEqualTo(OptionalLong.of(2));

        append(writer, 2, T0);
        writer.skip(3);
        assertThat(writer.committableOffset()).isEqualTo(OptionalLong.of(2));
        append(writer, 4, T0.plusSeconds(1));

        assertThat(store.keys()).containsExactly(HOUR_14 + name(2));
        assertThat(offsetsByFile().values()).containsExactly(List.of(2L, 4L));
        assertThat(writer.committableOffset()).isEqualTo(OptionalLong.of(5));
    }

    @Test
    void aStoredBatchEndingOnSkippedRecordsClosesWhenTheyAreSkippedAgain() {
        PartitionWriter first = writer(100, null, Duration.ofSeconds(10));
        append(first, 0, T0);
        first.skip(1);
        clock.advance(Duration.ofSeconds(10));
        first.closeIfIdle(clock.millis());

        PartitionWriter replay = writer(100, null, Duration.ofSeconds(10));
        append(replay, 0, T0);
        assertThat(replay.isReplayingStoredBatch()).isTrue();
        replay.skip(1);

        assertThat(replay.hasOpenBatch()).isFalse();
        assertThat(replay.committableOffset()).isEqualTo(OptionalLong.of(2));
        // the replay found its file stored with the same range and kept it
        assertThat(store.putLog()).containsExactly(HOUR_14 + name(0));
        assertThat(store.takenLog()).containsExactly(HOUR_14 + name(0));
    }

    @Test
    void aZombieWritersFileIsNotReplacedAndTheOwnerFollowsItsRange() {
        ZombieWrites.zombieFileIsNeverReplacedAndTheOwnerFollowsIt(store);
    }

    @Test
    void theSameBatchAlreadyStoredCountsAsWritten() {
        ZombieWrites.sameRangeAlreadyStoredCountsAsWritten(store);
    }
}
