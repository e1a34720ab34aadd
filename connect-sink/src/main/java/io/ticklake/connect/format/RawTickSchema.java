package io.ticklake.connect.format;

import io.ticklake.lake.RawTickColumns;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * The Parquet schema of raw tick files: the lake contract of {@link RawTickColumns}, parsed once.
 * Partition columns (year, month, day, hour) live in the directory names only.
 */
public final class RawTickSchema {

    public static final MessageType SCHEMA = MessageTypeParser.parseMessageType(RawTickColumns.PARQUET_SCHEMA);

    private RawTickSchema() {
    }
}
