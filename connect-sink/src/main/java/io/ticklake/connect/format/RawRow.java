package io.ticklake.connect.format;

import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * One row of a raw file: the record's own fields, which it writes itself, and the Kafka columns the
 * file appends ({@code kafka_topic}, {@code kafka_partition} from the file, offset and ingest time
 * from the row).
 */
public interface RawRow {

    /** The record's Kafka offset. */
    long offset();

    /** The Kafka record timestamp, written as {@code ingest_time}. */
    long ingestTimeMillis();

    /** The record's event time, the hour it lands in unless the sink partitions by ingest time. */
    long eventTimeMillis();

    /** The Parquet schema of the files this row goes into: its fields, then the Kafka columns. */
    MessageType schema();

    /** Writes this row's own fields, numbered from 0 in schema order, between startMessage and endMessage. */
    void writeFields(RecordConsumer out);
}
