package io.ticklake.schemas.contract;

/**
 * Header names of a {@code stock-ticks-dlq} record written by the streams app. Values are UTF-8 text;
 * the record keeps the original key and value bytes and the original headers, and these are appended.
 * The sink's dead-letter table reads them (and Connect's own {@code __connect.errors.*} headers).
 */
public final class DlqHeaders {

    /** Fully qualified class name of the error, e.g. {@code org.apache.kafka.common.errors.SerializationException}. */
    public static final String ERROR_CLASS = "dlq.error.class";
    /** Human-readable reason. */
    public static final String ERROR_MESSAGE = "dlq.error.message";
    /** {@code deserialize}, {@code validate} or {@code late} (the streams app's {@code DlqStage}). */
    public static final String STAGE = "dlq.error.stage";
    /** Topic the record was read from. */
    public static final String SOURCE_TOPIC = "dlq.source.topic";
    /** Partition it was read from, in decimal. */
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    /** Offset it was read from, in decimal. */
    public static final String SOURCE_OFFSET = "dlq.source.offset";
    /** {@code true} when the value was cut to fit the DLQ's record size limit (the streams app's {@code DlqTruncation}); absent otherwise. */
    public static final String TRUNCATED = "dlq.truncated";
    /** Size of the original value in bytes, in decimal; only on a truncated record. */
    public static final String ORIGINAL_SIZE = "dlq.original.size";
    /** SHA-256 of the original value, lowercase hex; only on a truncated record. */
    public static final String ORIGINAL_SHA256 = "dlq.original.sha256";

    private DlqHeaders() {
    }
}
