package io.ticklake.connect.decode;

import io.ticklake.connect.format.RawDeadLetterRow;
import io.ticklake.connect.format.RawRow;
import io.ticklake.schemas.contract.DlqHeaders;
import io.ticklake.schemas.contract.StockTickContract;
import java.nio.charset.StandardCharsets;
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
        String key = text(record.key());
        if (header(record, DlqHeaders.STAGE) != null || header(record, DlqHeaders.SOURCE_TOPIC) != null) {
            String stage = header(record, DlqHeaders.STAGE);
            String message = header(record, DlqHeaders.ERROR_MESSAGE);
            return new RawDeadLetterRow(header(record, DlqHeaders.SOURCE_TOPIC),
                    integer(header(record, DlqHeaders.SOURCE_PARTITION)), number(header(record, DlqHeaders.SOURCE_OFFSET)),
                    "streams", stage, streamsReason(stage, message), header(record, DlqHeaders.ERROR_CLASS), message,
                    key, value, record.kafkaOffset(), record.timestamp());
        }
        if (header(record, CONNECT_PREFIX + "topic") != null) {
            String stage = header(record, CONNECT_PREFIX + "stage");
            String message = header(record, CONNECT_PREFIX + "exception.message");
            // a sink refuses a record it cannot decode or that breaks a rule; converters refuse undecodable ones
            String reason = StockTickContract.ruleOf(message).map(StockTickContract.Rule::label).orElse(UNDECODABLE);
            return new RawDeadLetterRow(header(record, CONNECT_PREFIX + "topic"),
                    integer(header(record, CONNECT_PREFIX + "partition")), number(header(record, CONNECT_PREFIX + "offset")),
                    "connect", stage == null ? null : stage.toLowerCase(Locale.ROOT), reason,
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

    /** The last header of that name as text; header values are bytes (ByteArrayConverter) or already text. */
    private static String header(SinkRecord record, String name) {
        Header header = record.headers().lastWithName(name);
        return header == null ? null : text(header.value());
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
    }

    private static Integer integer(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long number(String text) {
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
