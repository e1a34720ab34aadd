package io.ticklake.streams.routing;

import io.ticklake.schemas.StockTick;
import io.ticklake.streams.kpi.KpiWindow;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Records on which input partition each symbol's accepted ticks arrive: forwards {@code SYMBOL@partition} →
 * start of the tick's minute whenever a symbol reaches a newer minute on this partition, to the compacted
 * topic behind the global store {@link SymbolPartitions} reads. That is one small record per symbol, partition
 * and minute, whatever the tick rate. The global store is read too, so a restarted task does not write an older
 * minute over a newer one.
 */
public final class SymbolPartitionRecorder implements Processor<String, StockTick, String, Long> {

    private final String globalStoreName;
    private final Map<String, Long> written = new HashMap<>();
    private ProcessorContext<String, Long> context;
    private KeyValueStore<String, Long> recorded;
    private int partition;

    public SymbolPartitionRecorder(String globalStoreName) {
        this.globalStoreName = globalStoreName;
    }

    @Override
    public void init(ProcessorContext<String, Long> context) {
        this.context = context;
        this.recorded = context.getStateStore(globalStoreName);
        this.partition = context.taskId().partition();
        written.clear();
    }

    @Override
    public void process(Record<String, StockTick> record) {
        long minute = KpiWindow.ONE_MINUTE.startOf(record.timestamp());
        Long known = written.get(record.key());
        if (known == null) {
            known = recorded.get(SymbolPartitions.key(record.key(), partition));
        }
        if (known == null || minute > known) {
            written.put(record.key(), minute);
            context.forward(new Record<>(SymbolPartitions.key(record.key(), partition), minute, record.timestamp()));
        } else {
            written.put(record.key(), known);
        }
    }
}
