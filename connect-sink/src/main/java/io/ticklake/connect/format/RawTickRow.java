package io.ticklake.connect.format;

import io.ticklake.lake.RawTickColumns;
import io.ticklake.schemas.StockTick;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * A raw tick row: the tick as decoded (already projected onto the current StockTick schema) in the
 * lake contract's columns ({@link RawTickColumns}).
 *
 * @param tick             the decoded tick
 * @param offset           its Kafka offset
 * @param ingestTimeMillis the Kafka record timestamp, written as ingest_time
 */
public record RawTickRow(StockTick tick, long offset, long ingestTimeMillis) implements RawRow {

    /** The lake contract's raw schema, parsed once. */
    public static final MessageType SCHEMA = MessageTypeParser.parseMessageType(RawTickColumns.PARQUET_SCHEMA);

    @Override
    public long eventTimeMillis() {
        return tick.getEventTime().toEpochMilli();
    }

    @Override
    public MessageType schema() {
        return SCHEMA;
    }

    @Override
    public void writeFields(RecordConsumer out) {
        RowFields.string(out, RawTickColumns.SYMBOL, 0, tick.getSymbol());
        RowFields.float64(out, RawTickColumns.PRICE, 1, tick.getPrice());
        RowFields.int64(out, RawTickColumns.VOLUME, 2, tick.getVolume());
        RowFields.float64(out, RawTickColumns.BID, 3, tick.getBid());
        RowFields.float64(out, RawTickColumns.ASK, 4, tick.getAsk());
        RowFields.int64(out, RawTickColumns.EVENT_TIME, 5, tick.getEventTime().toEpochMilli());
        RowFields.int64(out, RawTickColumns.SEQUENCE, 6, tick.getSequence());
        RowFields.string(out, RawTickColumns.SOURCE, 7, tick.getSource());
    }
}
