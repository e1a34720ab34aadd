package io.ticklake.connect.format;

import io.ticklake.lake.RawDeadLetterColumns;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * A raw dead-letter row ({@link RawDeadLetterColumns}): where the rejected record came from, who
 * rejected it and why, and its key and value as dead-lettered. Its hour is that of its Kafka timestamp.
 *
 * @param sourceTopic      the rejected record's topic, or null
 * @param sourcePartition  its partition, or null
 * @param sourceOffset     its offset, or null
 * @param reportedBy       {@code streams}, {@code connect} or {@code unknown}
 * @param stage            the stage it was rejected at, or null
 * @param reason           the category of why ({@code RawDeadLetterColumns.REASON})
 * @param errorClass       the error's class name, or null
 * @param errorMessage     the reason, or null
 * @param recordKey        the key as UTF-8 text, or null
 * @param recordValue      the value bytes
 * @param offset           the dead letter's offset
 * @param ingestTimeMillis the dead letter's Kafka timestamp
 */
public record RawDeadLetterRow(String sourceTopic, Integer sourcePartition, Long sourceOffset, String reportedBy,
                               String stage, String reason, String errorClass, String errorMessage, String recordKey,
                               byte[] recordValue, long offset, long ingestTimeMillis) implements RawRow {

    /** The lake contract's raw dead-letter schema, parsed once. */
    public static final MessageType SCHEMA = MessageTypeParser.parseMessageType(RawDeadLetterColumns.PARQUET_SCHEMA);

    @Override
    public long eventTimeMillis() {
        return ingestTimeMillis;
    }

    @Override
    public MessageType schema() {
        return SCHEMA;
    }

    @Override
    public void writeFields(RecordConsumer out) {
        RowFields.string(out, RawDeadLetterColumns.SOURCE_TOPIC, 0, sourceTopic);
        if (sourcePartition != null) {
            out.startField(RawDeadLetterColumns.SOURCE_PARTITION, 1);
            out.addInteger(sourcePartition);
            out.endField(RawDeadLetterColumns.SOURCE_PARTITION, 1);
        }
        RowFields.int64(out, RawDeadLetterColumns.SOURCE_OFFSET, 2, sourceOffset);
        RowFields.string(out, RawDeadLetterColumns.REPORTED_BY, 3, reportedBy);
        RowFields.string(out, RawDeadLetterColumns.STAGE, 4, stage);
        RowFields.string(out, RawDeadLetterColumns.REASON, 5, reason);
        RowFields.string(out, RawDeadLetterColumns.ERROR_CLASS, 6, errorClass);
        RowFields.string(out, RawDeadLetterColumns.ERROR_MESSAGE, 7, errorMessage);
        RowFields.string(out, RawDeadLetterColumns.RECORD_KEY, 8, recordKey);
        if (recordValue != null) {
            out.startField(RawDeadLetterColumns.RECORD_VALUE, 9);
            out.addBinary(Binary.fromConstantByteArray(recordValue));
            out.endField(RawDeadLetterColumns.RECORD_VALUE, 9);
        }
    }
}
