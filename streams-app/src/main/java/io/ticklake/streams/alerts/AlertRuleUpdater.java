package io.ticklake.streams.alerts;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global rule store equal to the compacted rules topic: a value replaces the rule of its key, a
 * tombstone deletes it. Values are stored as the topic's bytes, undecoded: Kafka Streams restores a global store
 * by copying the topic's bytes without this processor, so the store must hold exactly those. Decoding and
 * validation happen when the evaluators read the rules ({@link RuleIndex}).
 */
final class AlertRuleUpdater implements Processor<String, byte[], Void, Void> {

    private final String storeName;
    private final RuleChanges changes;
    private KeyValueStore<String, byte[]> rules;

    AlertRuleUpdater(String storeName, RuleChanges changes) {
        this.storeName = storeName;
        this.changes = changes;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.rules = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return; // no rule id: nothing a tombstone could ever delete
        }
        if (record.value() == null) {
            rules.delete(record.key());
        } else {
            rules.put(record.key(), record.value());
        }
        changes.changed();
    }
}
