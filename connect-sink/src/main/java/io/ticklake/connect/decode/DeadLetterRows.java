package io.ticklake.connect.decode;

import io.ticklake.connect.format.RawDeadLetterRow;
import io.ticklake.connect.format.RawRow;
import io.ticklake.schemas.contract.DlqHeaders;
import io.ticklake.schemas.contract.StockTickContract;
import java.util.Locale;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * {@code stock-ticks-dlq} records as raw dead-letter rows. Nothing is decoded from the value (it is
 * what could not be decoded or was refused); the reason and the source coordinates come from the
 * headers, the streams app's ({@link DlqHeaders}) or Connect's ({@code __connect.errors.*}, written
 * with {@code errors.deadletterqueue.context.headers.enable=true}).
 */
public final class DeadLetterRows implements RowDecoder {

    static final String CONNECT_PREFIX = "__connect.errors.";
    private static final String UNDECODABLE = "undecodable";

    @Override
    public RawRow decode(SinkRecord record, byte[] value) {
        if (record.timestamp() == null || record.timestamp() < 0) {
            // the hour of a dead letter is its timestamp; both DLQ writers always set one
            throw new DataException("dead letter at " + RowDecoder.coordinates(record) + " has no timestamp");
        }
        String key = RowDecoder.text(record.key());
        String streamsStage = header(record, DlqHeaders.STAGE);
        String streamsSource = header(record, DlqHeaders.SOURCE_TOPIC);
        if (streamsStage != null || streamsSource != null) {
            String message = header(record, DlqHeaders.ERROR_MESSAGE);
            return new RawDeadLetterRow(streamsSource, partition(header(record, DlqHeaders.SOURCE_PARTITION)),
                    decimal(header(record, DlqHeaders.SOURCE_OFFSET)), "streams", streamsStage,
                    streamsReason(streamsStage, message), header(record, DlqHeaders.ERROR_CLASS), message, key, value,
                    record.kafkaOffset(), record.timestamp());
        }
        String connectSource = header(record, CONNECT_PREFIX + "topic");
        if (connectSource != null) {
            String stage = header(record, CONNECT_PREFIX + "stage");
            String message = header(record, CONNECT_PREFIX + "exception.message");
            // a sink refuses a record it cannot decode or that breaks a rule; converters refuse undecodable ones
            String reason = StockTickContract.ruleOf(message).map(StockTickContract.Rule::label).orElse(UNDECODABLE);
            return new RawDeadLetterRow(connectSource, partition(header(record, CONNECT_PREFIX + "partition")),
                    decimal(header(record, CONNECT_PREFIX + "offset")), "connect",
                    stage == null ? null : stage.toLowerCase(Locale.ROOT), reason,
                    header(record, CONNECT_PREFIX + "exception.class.name"), message, key, value, record.kafkaOffset(),
                    record.timestamp());
        }
        return new RawDeadLetterRow(null, null, null, "unknown", null, "unknown", null, null, key, value,
                record.kafkaOffset(), record.timestamp());
    }

    /** The streams app's stages: deserialize (undecodable), validate (a contract rule), late. */
    private static String streamsReason(String stage, String message) {
        if ("late".equals(stage)) {
            return "late";
        }
        if ("deserialize".equals(stage)) {
            return UNDECODABLE;
        }
        return StockTickContract.ruleOf(message).map(StockTickContract.Rule::label).orElse("other");
    }

    /** The last header of that name as text. */
    private static String header(SinkRecord record, String name) {
        Header header = record.headers().lastWithName(name);
        return header == null ? null : RowDecoder.text(header.value());
    }

    private static Integer partition(String text) {
        Long number = decimal(text);
        return number == null ? null : number.intValue();
    }

    /** A decimal header value; null when absent or not a number. */
    private static Long decimal(String text) {
        try {
            return text == null ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void close() {
        // nothing held
    }
}
