package io.ticklake.streams.ingest;

import io.ticklake.schemas.StockTick;
import io.ticklake.streams.kpi.KpiWindow;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps, per symbol, the start of its latest 1-minute window, so that interactive queries list a
 * partition's symbols and find each one's latest candle without scanning the window store. Writes
 * only when a symbol enters a newer minute (a map in front of the store remembers what was written).
 */
public final class SymbolIndexer implements FixedKeyProcessor<String, StockTick, StockTick> {

    private final String storeName;
    private final Map<String, Long> written = new HashMap<>();
    private FixedKeyProcessorContext<String, StockTick> context;
    private KeyValueStore<String, Long> index;

    public SymbolIndexer(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, StockTick> context) {
        this.context = context;
        this.index = context.getStateStore(storeName);
        written.clear();
    }

    @Override
    public void process(FixedKeyRecord<String, StockTick> record) {
        long minute = KpiWindow.ONE_MINUTE.startOf(record.timestamp());
        Long known = written.get(record.key());
        if (known == null) {
            known = index.get(record.key());
        }
        if (known == null || minute > known) {
            index.put(record.key(), minute);
            written.put(record.key(), minute);
        } else {
            written.put(record.key(), known);
        }
        context.forward(record);
    }
}
