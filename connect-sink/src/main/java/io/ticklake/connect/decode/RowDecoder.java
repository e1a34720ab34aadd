package io.ticklake.connect.decode;

import io.ticklake.connect.format.RawRow;
import java.nio.charset.StandardCharsets;
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

    /** A record key or header value as text: raw bytes (ByteArrayConverter) as UTF-8, anything else as it prints. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
    }

    /** {@code topic-partition@offset}, as errors name a record. */
    static String coordinates(SinkRecord record) {
        return record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
    }
}
