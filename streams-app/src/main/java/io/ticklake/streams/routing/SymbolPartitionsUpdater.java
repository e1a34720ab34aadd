package io.ticklake.streams.routing;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global store {@link SymbolPartitions} reads equal to its topic: a plain copy, because Kafka Streams
 * restores a global store from the topic's bytes without running this processor.
 */
public final class SymbolPartitionsUpdater implements Processor<String, Long, Void, Void> {

    private final String storeName;
    private KeyValueStore<String, Long> store;

    public SymbolPartitionsUpdater(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, Long> record) {
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
