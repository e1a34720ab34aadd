package io.ticklake.streams.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Makes a tick's {@code event_time} its record timestamp, so windows follow trade time rather than
 * arrival time. A record that is no readable tick (or has a negative event time) keeps the
 * timestamp it was produced with; it is headed for the dead-letter queue anyway. Never returns a
 * negative timestamp, which Kafka Streams would drop silently.
 */
public final class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof CheckedTick checked && checked.tick() != null) {
            long eventTime = checked.tick().getEventTime().toEpochMilli();
            if (eventTime >= 0) {
                return eventTime;
            }
        }
        if (record.timestamp() >= 0) {
            return record.timestamp();
        }
        return Math.max(partitionTime, 0L);
    }
}
