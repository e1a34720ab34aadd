package io.ticklake.connect.partition;

import io.ticklake.lake.RawTickColumns;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The timestamp column that chooses a row's hour directory. Both come from the record itself, never
 * from the wall clock, so a replay puts every row where it went the first time.
 */
public enum PartitionField {
    /** When the trade happened (the lake contract's default). */
    EVENT_TIME(RawTickColumns.EVENT_TIME),
    /** The Kafka record timestamp, stored as ingest_time. */
    INGEST_TIME(RawTickColumns.INGEST_TIME);

    private final String column;

    PartitionField(String column) {
        this.column = column;
    }

    /** The raw column it names, as the lake contract spells it. */
    public String columnName() {
        return column;
    }

    public static List<String> columnNames() {
        return Arrays.stream(values()).map(PartitionField::columnName).toList();
    }

    /** Case-insensitive; throws {@link IllegalArgumentException} for any other column. */
    public static PartitionField fromColumnName(String value) {
        String column = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.column.equals(column)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not one of " + columnNames()));
    }
}
