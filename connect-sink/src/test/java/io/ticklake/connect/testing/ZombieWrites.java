package io.ticklake.connect.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.connect.format.ParquetSettings;
import io.ticklake.connect.format.RawTickRow;
import io.ticklake.connect.storage.ObjectStore;
import io.ticklake.connect.storage.StoreException;
import io.ticklake.connect.writer.PartitionWriter;
import io.ticklake.connect.writer.RotationPolicy;
import io.ticklake.connect.writer.WriterSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;

/**
 * Two writers of one partition on one store, as after a rebalance: an evicted task (the zombie)
 * still uploading, and the partition's new owner. Run against each {@link ObjectStore}, it checks
 * that a file is never replaced by one of another batch range, and that finding the same range
 * already stored (a replay) counts as written.
 */
public final class ZombieWrites {

    private static final TopicPartition TP = new TopicPartition("stock-ticks", 3);
    private static final Instant T0 = Instant.parse("2026-11-20T14:10:00Z");
    /** Where both writers' batch starting at offset 0 goes. */
    public static final String FIRST_FILE =
            "raw/stock_ticks/year=2026/month=11/day=20/hour=14/stock-ticks+3+00000000000000000000.parquet";

    private ZombieWrites() {
    }

    /**
     * The owner opens a batch at offset 0 and finds no file there; the zombie then lands its batch
     * [0, 5) under the same name; the owner's close at 3 must leave that file alone and fail with
     * both ranges in the message. Its retry replays the stored batch [0, 5), finds it already there
     * and goes on.
     */
    public static void zombieFileIsNeverReplacedAndTheOwnerFollowsIt(ObjectStore store) {
        Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        PartitionWriter owner = new PartitionWriter(TP, settings(3), store, clock);
        append(owner, 0);
        append(owner, 1);

        PartitionWriter zombie = new PartitionWriter(TP, settings(5), store, clock);
        for (long offset = 0; offset < 5; offset++) {
            append(zombie, offset);
        }
        byte[] zombieFile = bytes(store, FIRST_FILE);

        assertThatThrownBy(() -> append(owner, 2)).isInstanceOf(StoreException.class)
                .hasMessageContaining(FIRST_FILE)
                .hasMessageContaining("[0, 5)")
                .hasMessageContaining("[0, 3)")
                .satisfies(e -> assertThat(((StoreException) e).isRetriable()).isTrue());
        assertThat(bytes(store, FIRST_FILE)).as("the stored file is left as it was").isEqualTo(zombieFile);
        assertThat(owner.rewind(2)).isEqualTo(0);

        for (long offset = 0; offset < 5; offset++) {
            append(owner, offset);
        }
        assertThat(owner.hasOpenBatch()).isFalse();
        assertThat(owner.committableOffset()).isEqualTo(OptionalLong.of(5));
        assertThat(bytes(store, FIRST_FILE)).isEqualTo(zombieFile);
    }

    /** A second writer rebuilding a stored batch with the same range finds it there: that is success. */
    public static void sameRangeAlreadyStoredCountsAsWritten(ObjectStore store) {
        Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        PartitionWriter first = new PartitionWriter(TP, settings(3), store, clock);
        PartitionWriter second = new PartitionWriter(TP, settings(3), store, clock);
        // both open the batch before either closes it: neither follows a stored end, both cut at 3
        append(first, 0);
        append(second, 0);
        append(first, 1);
        append(first, 2);
        byte[] stored = bytes(store, FIRST_FILE);

        append(second, 1);
        append(second, 2);

        assertThat(second.hasOpenBatch()).isFalse();
        assertThat(second.committableOffset()).isEqualTo(OptionalLong.of(3));
        assertThat(bytes(store, FIRST_FILE)).isEqualTo(stored);
    }

    private static WriterSettings settings(int flushSize) {
        return new WriterSettings("stock_ticks", new RotationPolicy(flushSize, null, null),
                new ParquetSettings(1 << 20, 64 * 1024), Duration.ofMillis(100), Duration.ofMillis(800));
    }

    private static void append(PartitionWriter writer, long offset) {
        Instant eventTime = T0.plusSeconds(offset);
        writer.append(new RawTickRow(Ticks.tick("ACME", eventTime, offset), offset, eventTime.toEpochMilli() + 1),
                eventTime.toEpochMilli());
    }

    private static byte[] bytes(ObjectStore store, String key) {
        return store.tail(key, Integer.MAX_VALUE).orElseThrow(() -> new AssertionError(key + " is not stored")).bytes();
    }
}
