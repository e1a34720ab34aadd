package io.ticklake.connect.decode;

import io.ticklake.connect.format.RawRow;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns a record's value into the row of its raw table. A record that can never become a row throws
 * {@link DataException} with the reason (the task reports it to the dead-letter queue); a registry
 * outage throws a retriable exception.
 */
public interface RowDecoder extends AutoCloseable {

    RawRow decode(SinkRecord record, byte[] value);

    @Override
    void close();

    /** The ingest time of a row: the Kafka record timestamp, or the event time when the record has none. */
    static long ingestTime(SinkRecord record, long eventTimeMs) {
        return record.timestamp() != null && record.timestamp() >= 0 ? record.timestamp() : eventTimeMs;
    }

    /** {@code topic-partition@offset}, as errors name a record. */
    static String coordinates(SinkRecord record) {
        return record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
    }
}
