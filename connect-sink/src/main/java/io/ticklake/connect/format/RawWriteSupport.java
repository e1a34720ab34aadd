package io.ticklake.connect.format;

import io.ticklake.lake.RawTickColumns;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes {@link RawRow}s straight to Parquet's record consumer: no intermediate Avro or Hadoop
 * objects. Each row writes its own fields; the Kafka columns every raw table ends with are written
 * here. The footer's key-value metadata is set just before the file closes, when the batch end is known.
 */
final class RawWriteSupport extends WriteSupport<RawRow> {

    private final MessageType schema;
    private final Binary topic;
    private final int partition;
    private final int topicField;
    private final Map<String, String> footer = new HashMap<>();
    private RecordConsumer out;

    RawWriteSupport(MessageType schema, String topic, int partition) {
        this.schema = schema;
        this.topic = Binary.fromString(topic);
        this.partition = partition;
        // kafka_topic, kafka_partition, kafka_offset, ingest_time close every raw schema, in this order
        this.topicField = schema.getFieldIndex(RawTickColumns.KAFKA_TOPIC);
        if (topicField + 4 != schema.getFieldCount()) {
            throw new IllegalArgumentException("raw schema " + schema.getName() + " does not end with the Kafka columns");
        }
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    /** Key-value metadata for the footer; call before the writer closes. */
    void setFooter(Map<String, String> metadata) {
        footer.clear();
        footer.putAll(metadata);
    }

    @Override
    public FinalizedWriteContext finalizeWrite() {
        return new FinalizedWriteContext(Map.copyOf(footer));
    }

    @Override
    public void write(RawRow row) {
        out.startMessage();
        row.writeFields(out);
        out.startField(RawTickColumns.KAFKA_TOPIC, topicField);
        out.addBinary(topic);
        out.endField(RawTickColumns.KAFKA_TOPIC, topicField);
        out.startField(RawTickColumns.KAFKA_PARTITION, topicField + 1);
        out.addInteger(partition);
        out.endField(RawTickColumns.KAFKA_PARTITION, topicField + 1);
        out.startField(RawTickColumns.KAFKA_OFFSET, topicField + 2);
        out.addLong(row.offset());
        out.endField(RawTickColumns.KAFKA_OFFSET, topicField + 2);
        out.startField(RawTickColumns.INGEST_TIME, topicField + 3);
        out.addLong(row.ingestTimeMillis());
        out.endField(RawTickColumns.INGEST_TIME, topicField + 3);
        out.endMessage();
    }
}
