package io.ticklake.streams.ingest;

import io.ticklake.schemas.contract.StockTickContract;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Applies {@link StockTickContract} to every decoded tick; rejected ticks go on marked for the DLQ. A valid
 * tick's record timestamp is its event time; {@link EventTimeExtractor} left the Kafka timestamp on a tick
 * too far ahead of it, which is what the future rule is judged against here.
 */
public final class TickValidation implements FixedKeyProcessor<String, CheckedTick, CheckedTick> {

    private final long maxFutureMs;
    private FixedKeyProcessorContext<String, CheckedTick> context;

    public TickValidation(long maxFutureMs) {
        this.maxFutureMs = maxFutureMs;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CheckedTick> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, CheckedTick> record) {
        CheckedTick checked = record.value();
        if (checked.accepted()) {
            Optional<String> violation = StockTickContract.violation(record.key(), checked.tick(), record.timestamp(),
                    maxFutureMs);
            if (violation.isPresent()) {
                context.forward(record.withValue(checked.reject(DlqStage.VALIDATE,
                        new InvalidTickException(violation.get()))));
                return;
            }
        }
        context.forward(record);
    }
}
