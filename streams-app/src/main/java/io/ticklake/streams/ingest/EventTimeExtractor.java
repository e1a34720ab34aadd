package io.ticklake.streams.ingest;

import io.ticklake.schemas.contract.StockTickContract;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Makes a tick's {@code event_time} its record timestamp, so windows follow trade time rather than
 * arrival time. A tick whose event time leads the record's Kafka timestamp by more than the contract allows
 * keeps the Kafka timestamp instead: it must not move stream time, and {@link TickValidation} sees the
 * difference and sends it to the dead-letter queue. A record that is no readable tick (or has a negative
 * event time) keeps its Kafka timestamp too; it is headed for the dead-letter queue anyway. Never returns a
 * negative timestamp, which Kafka Streams would drop silently.
 */
public final class EventTimeExtractor implements TimestampExtractor {

    private final long maxFutureMs;

    public EventTimeExtractor(long maxFutureMs) {
        this.maxFutureMs = maxFutureMs;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof CheckedTick checked && checked.tick() != null) {
            long eventTime = checked.tick().getEventTime().toEpochMilli();
            if (eventTime >= 0 && !StockTickContract.isAhead(eventTime, record.timestamp(), maxFutureMs)) {
                return eventTime;
            }
        }
        if (record.timestamp() >= 0) {
            return record.timestamp();
        }
        return Math.max(partitionTime, 0L);
    }
}
