package io.ticklake.connect.config;

import io.ticklake.lake.RawLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Which contract the topics carry, and so which raw table of the lake the sink writes. */
public enum RecordType {
    /** {@code StockTick}s into {@code raw/stock_ticks}, validated against the tick contract. */
    TICK(RawLayout.RAW_TABLE),
    /** {@code Alert}s into {@code raw/stock_alerts}. */
    ALERT(RawLayout.RAW_ALERTS_TABLE),
    /** Dead letters (any value, reason in the headers) into {@code raw/stock_ticks_dlq}. */
    DEAD_LETTER(RawLayout.RAW_DEAD_LETTERS_TABLE);

    private final String rawTable;

    RecordType(String rawTable) {
        this.rawTable = rawTable;
    }

    /** The table's directory name under {@code raw/}: the default of {@code lake.table}. */
    public String tableName() {
        return rawTable.substring(rawTable.lastIndexOf('/') + 1);
    }

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> configValues() {
        return Arrays.stream(values()).map(RecordType::configValue).toList();
    }

    public static RecordType fromConfigValue(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
