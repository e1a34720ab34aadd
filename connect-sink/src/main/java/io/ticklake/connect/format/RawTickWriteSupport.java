package io.ticklake.connect.format;

import io.ticklake.lake.RawTickColumns;
import io.ticklake.schemas.StockTick;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes {@link RawTickRow}s straight to Parquet's record consumer: no intermediate Avro or Hadoop
 * objects. The footer's key-value metadata is set just before the file closes, when the batch end
 * is known.
 */
final class RawTickWriteSupport extends WriteSupport<RawTickRow> {

    /** The lake contract's raw schema, parsed once; {@link #write} fills its fields by position. */
    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType(RawTickColumns.PARQUET_SCHEMA);

    private final Binary topic;
    private final int partition;
    private final Map<String, String> footer = new HashMap<>();
    private RecordConsumer out;
    private String lastSource;
    private Binary lastSourceBinary;

    RawTickWriteSupport(String topic, int partition) {
        this.topic = Binary.fromString(topic);
        this.partition = partition;
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
        return new WriteContext(SCHEMA, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(SCHEMA, Map.of());
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
    public void write(RawTickRow row) {
        StockTick tick = row.tick();
        out.startMessage();
        out.startField(RawTickColumns.SYMBOL, 0);
        out.addBinary(Binary.fromString(tick.getSymbol()));
        out.endField(RawTickColumns.SYMBOL, 0);
        out.startField(RawTickColumns.PRICE, 1);
        out.addDouble(tick.getPrice());
        out.endField(RawTickColumns.PRICE, 1);
        out.startField(RawTickColumns.VOLUME, 2);
        out.addLong(tick.getVolume());
        out.endField(RawTickColumns.VOLUME, 2);
        Double bid = tick.getBid();
        if (bid != null) {
            out.startField(RawTickColumns.BID, 3);
            out.addDouble(bid);
            out.endField(RawTickColumns.BID, 3);
        }
        Double ask = tick.getAsk();
        if (ask != null) {
            out.startField(RawTickColumns.ASK, 4);
            out.addDouble(ask);
            out.endField(RawTickColumns.ASK, 4);
        }
        out.startField(RawTickColumns.EVENT_TIME, 5);
        out.addLong(tick.getEventTime().toEpochMilli());
        out.endField(RawTickColumns.EVENT_TIME, 5);
        out.startField(RawTickColumns.SEQUENCE, 6);
        out.addLong(tick.getSequence());
        out.endField(RawTickColumns.SEQUENCE, 6);
        out.startField(RawTickColumns.SOURCE, 7);
        out.addBinary(source(tick.getSource()));
        out.endField(RawTickColumns.SOURCE, 7);
        out.startField(RawTickColumns.KAFKA_TOPIC, 8);
        out.addBinary(topic);
        out.endField(RawTickColumns.KAFKA_TOPIC, 8);
        out.startField(RawTickColumns.KAFKA_PARTITION, 9);
        out.addInteger(partition);
        out.endField(RawTickColumns.KAFKA_PARTITION, 9);
        out.startField(RawTickColumns.KAFKA_OFFSET, 10);
        out.addLong(row.offset());
        out.endField(RawTickColumns.KAFKA_OFFSET, 10);
        out.startField(RawTickColumns.INGEST_TIME, 11);
        out.addLong(row.ingestTimeMillis());
        out.endField(RawTickColumns.INGEST_TIME, 11);
        out.endMessage();
    }

    /** A file holds one or two sources; reuse the encoded value instead of encoding it per row. */
    private Binary source(String source) {
        if (!source.equals(lastSource)) {
            lastSource = source;
            lastSourceBinary = Binary.fromString(source);
        }
        return lastSourceBinary;
    }
}
