package io.ticklake.connect.format;

import io.ticklake.lake.RawAlertColumns;
import io.ticklake.schemas.Alert;
import java.time.Instant;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * A raw alert row: an {@link Alert} from {@code stock-alerts} in the lake contract's alert columns
 * ({@link RawAlertColumns}).
 *
 * @param alert            the decoded alert
 * @param offset           its Kafka offset
 * @param ingestTimeMillis the Kafka record timestamp, written as ingest_time
 */
public record RawAlertRow(Alert alert, long offset, long ingestTimeMillis) implements RawRow {

    /** The lake contract's raw alert schema, parsed once. */
    public static final MessageType SCHEMA = MessageTypeParser.parseMessageType(RawAlertColumns.PARQUET_SCHEMA);

    @Override
    public long eventTimeMillis() {
        return alert.getEventTime().toEpochMilli();
    }

    @Override
    public MessageType schema() {
        return SCHEMA;
    }

    @Override
    public void writeFields(RecordConsumer out) {
        RowFields.string(out, RawAlertColumns.RULE_ID, 0, alert.getRuleId());
        RowFields.string(out, RawAlertColumns.SYMBOL, 1, alert.getSymbol());
        RowFields.string(out, RawAlertColumns.KIND, 2, alert.getKind().name());
        RowFields.int64(out, RawAlertColumns.EVENT_TIME, 3, alert.getEventTime().toEpochMilli());
        RowFields.string(out, RawAlertColumns.WINDOW, 4, alert.getWindow());
        RowFields.int64(out, RawAlertColumns.WINDOW_START, 5, millis(alert.getWindowStart()));
        RowFields.float64(out, RawAlertColumns.PRICE, 6, alert.getPrice());
        RowFields.float64(out, RawAlertColumns.THRESHOLD, 7, alert.getThreshold());
        RowFields.float64(out, RawAlertColumns.REFERENCE, 8, alert.getReference());
        RowFields.string(out, RawAlertColumns.MESSAGE, 9, alert.getMessage());
        RowFields.int64(out, RawAlertColumns.FIRED_AT, 10, alert.getFiredAt().toEpochMilli());
    }

    private static Long millis(Instant time) {
        return time == null ? null : time.toEpochMilli();
    }
}
