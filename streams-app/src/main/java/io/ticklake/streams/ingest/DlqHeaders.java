package io.ticklake.streams.ingest;

/**
 * Header names of a {@code stock-ticks-dlq} record. Values are UTF-8 text; the record keeps the
 * original key and value bytes and the original headers, and these are appended.
 */
public final class DlqHeaders {

    /** Fully qualified class name of the error, e.g. {@code org.apache.kafka.common.errors.SerializationException}. */
    public static final String ERROR_CLASS = "dlq.error.class";
    /** Human-readable reason. */
    public static final String ERROR_MESSAGE = "dlq.error.message";
    /** {@code deserialize}, {@code validate} or {@code late} ({@link DlqStage#label()}). */
    public static final String STAGE = "dlq.error.stage";
    /** Topic the record was read from. */
    public static final String SOURCE_TOPIC = "dlq.source.topic";
    /** Partition it was read from, in decimal. */
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    /** Offset it was read from, in decimal. */
    public static final String SOURCE_OFFSET = "dlq.source.offset";

    private DlqHeaders() {
    }
}
