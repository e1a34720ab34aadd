package io.ticklake.streams.ingest;

import io.ticklake.streams.kpi.KpiWindow;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns away the ticks a windowed aggregation would drop silently. Kafka Streams skips a record
 * whose window ended at or before stream time minus grace; this filter applies the same rule one
 * step earlier, with the same stream time (the highest tick timestamp of its partition), and marks
 * such ticks {@link DlqStage#LATE} instead.
 *
 * <p>Stream time is kept in a changelogged store, not only in a field: after a crash and restore
 * the replayed ticks are judged exactly as before (the window aggregation downstream starts its
 * own stream time afresh, which only makes it more lenient). Since window ends are whole minutes,
 * a verdict depends only on the last closed minute boundary, {@code floor((streamTime - grace) /
 * 1 min)}; the store is written when that boundary moves, not on every tick.
 */
public final class LateTickFilter implements FixedKeyProcessor<String, CheckedTick, CheckedTick> {

    private final String storeName;
    private final long graceMs;
    private FixedKeyProcessorContext<String, CheckedTick> context;
    private KeyValueStore<Integer, Long> streamTimes;
    private int partition;
    private long streamTime = ConsumerRecord.NO_TIMESTAMP;

    public LateTickFilter(String storeName, long graceMs) {
        this.storeName = storeName;
        this.graceMs = graceMs;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CheckedTick> context) {
        this.context = context;
        this.streamTimes = context.getStateStore(storeName);
        this.partition = context.taskId().partition();
        Long stored = streamTimes.get(partition);
        this.streamTime = stored == null ? ConsumerRecord.NO_TIMESTAMP : stored;
    }

    /** The last whole minute at or before {@code time - grace}: windows ending there or earlier are closed. */
    private long closedBoundary(long time) {
        return Math.floorDiv(time - graceMs, KpiWindow.MINUTE_MS);
    }

    @Override
    public void process(FixedKeyRecord<String, CheckedTick> record) {
        if (!record.value().accepted()) {
            context.forward(record);
            return;
        }
        long timestamp = record.timestamp();
        long windowEnd = KpiWindow.ONE_MINUTE.startOf(timestamp) + KpiWindow.MINUTE_MS;
        long closeTime = streamTime - graceMs;
        if (streamTime != ConsumerRecord.NO_TIMESTAMP && windowEnd <= closeTime) {
            context.forward(record.withValue(record.value().reject(DlqStage.LATE, new LateTickException(
                    "tick at " + Instant.ofEpochMilli(timestamp) + " belongs to the window ending "
                            + Instant.ofEpochMilli(windowEnd) + ", which closed at stream time "
                            + Instant.ofEpochMilli(windowEnd + graceMs) + " (grace " + graceMs
                            + " ms); stream time of partition " + partition + " is "
                            + Instant.ofEpochMilli(streamTime)))));
            return;
        }
        if (timestamp > streamTime) {
            boolean boundaryMoves = streamTime == ConsumerRecord.NO_TIMESTAMP
                    || closedBoundary(timestamp) != closedBoundary(streamTime);
            streamTime = timestamp;
            if (boundaryMoves) {
                streamTimes.put(partition, timestamp);
            }
        }
        context.forward(record);
    }
}
