package io.ticklake.connect.partition;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The timestamp column that chooses a row's hour directory. Both come from the record itself, never
 * from the wall clock, so a replay puts every row where it went the first time.
 */
public enum PartitionField {
    /** When the trade happened (the lake contract's default). */
    EVENT_TIME,
    /** The Kafka record timestamp, stored as ingest_time. */
    INGEST_TIME;

    public String columnName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> columnNames() {
        return Arrays.stream(values()).map(PartitionField::columnName).toList();
    }

    public static PartitionField fromColumnName(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
