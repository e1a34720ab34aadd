package io.ticklake.connect.writer;

/**
 * Key-value metadata in every raw file's footer. The batch range lets a replay close its files at
 * exactly the offsets the first run did, whatever made the first run close them.
 */
public final class FooterKeys {

    /** Offset of the first row of the batch the file belongs to (the batch's first file is named after it). */
    public static final String BATCH_START = "ticklake.batch.start";
    /** Offset after the last record the batch consumed: where the next batch begins. */
    public static final String BATCH_END = "ticklake.batch.end";
    public static final String TOPIC = "ticklake.kafka.topic";
    public static final String PARTITION = "ticklake.kafka.partition";
    public static final String FIRST_OFFSET = "ticklake.first.offset";
    public static final String LAST_OFFSET = "ticklake.last.offset";
    public static final String ROWS = "ticklake.rows";

    private FooterKeys() {
    }
}
