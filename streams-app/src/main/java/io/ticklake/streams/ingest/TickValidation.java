package io.ticklake.streams.ingest;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Applies {@link TickValidator} to every decoded tick; rejected ticks go on marked for the DLQ. */
public final class TickValidation implements FixedKeyProcessor<String, CheckedTick, CheckedTick> {

    private final TickValidator validator;
    private FixedKeyProcessorContext<String, CheckedTick> context;

    public TickValidation(TickValidator validator) {
        this.validator = validator;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CheckedTick> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, CheckedTick> record) {
        CheckedTick checked = record.value();
        if (checked.accepted()) {
            String violation = validator.violation(record.key(), checked.tick(), context.currentSystemTimeMs());
            if (violation != null) {
                context.forward(record.withValue(checked.reject(DlqStage.VALIDATE, new InvalidTickException(violation))));
                return;
            }
        }
        context.forward(record);
    }
}
