package io.ticklake.connect.writer;

import io.ticklake.lake.RawLayout;
import java.util.function.Predicate;

/**
 * Object names and keys of raw files. The name carries the Kafka coordinates of the file's first
 * row, zero-padded so names sort by offset: {@code <topic>+<partition>+<20-digit offset>.parquet}.
 * A replay from the same offset therefore writes the same name, replacing rather than duplicating.
 */
public final class FileNames {

    public static final String EXTENSION = ".parquet";

    // RawLayout.RAW_TABLE is "raw/stock_ticks": the raw layer, then the contract's table, which
    // lake.table may rename; split here so the sink's keys follow the contract if it moves
    private static final String RAW_LAYER = RawLayout.RAW_TABLE.substring(0, RawLayout.RAW_TABLE.lastIndexOf('/') + 1);

    private FileNames() {
    }

    public static String fileName(String topic, int partition, long startOffset) {
        return topic + "+" + partition + "+" + String.format("%020d", startOffset) + EXTENSION;
    }

    /**
     * The key relative to the lake root: {@code raw/<table>/<hour path>/<file name>}; for the contract's
     * table, {@link RawLayout#hourDirectory} followed by the file name.
     */
    public static String key(String table, String hourPath, String fileName) {
        return tablePrefix(table) + hourPath + "/" + fileName;
    }

    /** {@code raw/<table>/}: everything the sink writes for a table sits under it. */
    public static String tablePrefix(String table) {
        return RAW_LAYER + table + "/";
    }

    /** Matches the file names of one topic partition (Kafka topic names cannot contain '+'). */
    public static Predicate<String> ofPartition(String topic, int partition) {
        String prefix = topic + "+" + partition + "+";
        return name -> name.startsWith(prefix) && name.endsWith(EXTENSION);
    }
}
