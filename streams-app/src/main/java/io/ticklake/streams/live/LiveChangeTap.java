package io.ticklake.streams.live;

import io.ticklake.schemas.StockTick;
import io.ticklake.streams.kpi.KpiWindow;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Passes each accepted tick on to the aggregation and then marks its 1-minute window as changed in
 * {@link ChangedMinutes}: forwarding is synchronous, so once it returns the tick is in the window's
 * candle (in the record cache, where interactive queries see it), and a round that reads the minute
 * after the mark sees the tick.
 *
 * <p>The tap sits before the aggregation, not after the KPI emitter, because with the record cache on
 * the emitter only sees a window when the cache flushes, i.e. at commit: a tap there would be no
 * sooner than the committed KPI.
 */
public final class LiveChangeTap implements FixedKeyProcessor<String, StockTick, StockTick> {

    private final ChangedMinutes changes;
    private FixedKeyProcessorContext<String, StockTick> context;

    public LiveChangeTap(ChangedMinutes changes) {
        this.changes = changes;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, StockTick> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, StockTick> record) {
        context.forward(record);
        if (changes.isEnabled()) {
            changes.mark(context.taskId().partition(), record.key(),
                    KpiWindow.ONE_MINUTE.startOf(record.value().getEventTime().toEpochMilli()));
        }
    }
}
