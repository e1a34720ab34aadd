package io.ticklake.streams.ingest;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.contract.TickIdentity;
import io.ticklake.streams.kpi.KpiWindow;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Counts a {@code (symbol, sequence)} once ({@link TickIdentity}): an accepted tick whose identity was
 * seen within the horizon is dropped and counted in {@link DuplicateMetrics}, not dead-lettered (it is
 * valid; its first copy already counts). Whatever else the copy carries (another price, volume or
 * event time) is ignored: the first copy in partition order wins.
 *
 * <p>The identities live in a changelogged window store, timestamped with the first copy's event
 * time, whose retention is the {@link #horizonMs horizon}: one minute (the base window, from which
 * every rollup is merged) plus grace. A tick of event time {@code t} passes the late filter only while
 * its minute is open, i.e. stream time is below {@code minuteEnd(t) + grace <= t + 1 min + grace}, and
 * the store keeps {@code t} visible while its own stream time is below {@code t + horizon}. That stream
 * time is the highest event time of the accepted ticks, so it never passes the late filter's closed-minute
 * boundary (not even after a restore, where the filter's stored time may lag within that boundary):
 * if the copy's minute is open, {@code t >= boundary > storeTime - horizon}. So every copy with the first
 * one's event time that could still change a window is caught; a later copy is late and goes to the
 * DLQ as such. The store drops expired segments by itself: its size is bounded by the ticks of one
 * horizon per partition, with no punctuation.
 *
 * <p>The value is the input offset of the first copy. A record whose own offset is stored is not a copy
 * but the same record processed again: the store is changelogged and commits with the output under
 * exactly-once, yet a local write of an aborted transaction can outlive a crash in the local store (Kafka
 * Streams keeps local state it has a checkpoint for), and that replay must still count.
 */
public final class TickDeduplicator implements FixedKeyProcessor<String, StockTick, StockTick> {

    private static final long NO_OFFSET = -1L;

    private final String storeName;
    private FixedKeyProcessorContext<String, StockTick> context;
    private WindowStore<String, Long> seen;
    private DuplicateMetrics metrics;

    public TickDeduplicator(String storeName) {
        this.storeName = storeName;
    }

    /** How long after a tick's event time its copies are recognized: 1 minute plus {@code graceMs}. */
    public static long horizonMs(long graceMs) {
        return KpiWindow.MINUTE_MS + graceMs;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, StockTick> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
        this.metrics = new DuplicateMetrics(context.metrics(), context.taskId());
    }

    @Override
    public void process(FixedKeyRecord<String, StockTick> record) {
        String identity = TickIdentity.key(record.value());
        long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(NO_OFFSET);
        // any event time: a repeated quote may carry another; the store hides what is past its retention
        try (WindowStoreIterator<Long> copies = seen.fetch(identity, 0L, Long.MAX_VALUE)) {
            if (copies.hasNext()) {
                long firstOffset = copies.next().value;
                if (offset == NO_OFFSET || firstOffset != offset) {
                    metrics.record();
                    return;
                }
                // the same record again: a replay after an aborted transaction whose write outlived it locally
                context.forward(record);
                return;
            }
        }
        seen.put(identity, offset, record.timestamp());
        context.forward(record);
    }

    @Override
    public void close() {
        if (metrics != null) {
            metrics.close();
        }
    }
}
