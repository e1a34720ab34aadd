package io.ticklake.analytics.lake;

import io.ticklake.analytics.duckdb.SqlLiterals;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The views through which models see the compacted lake: {@code compacted_ticks} (the lake contract's
 * columns, each cast to its contract type, so a file that breaks the contract fails here with the
 * column named) and {@code compacted_manifests} (one row per hour read, with the row count its manifest
 * promises).
 */
public final class CompactedTicksSource {

    public static final String TICKS_VIEW = "compacted_ticks";
    public static final String MANIFESTS_VIEW = "compacted_manifests";

    /** The lake contract's columns in order, with their DuckDB types. */
    public static final Map<String, String> COLUMNS = columns();

    private CompactedTicksSource() {
    }

    private static Map<String, String> columns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("symbol", "VARCHAR");
        c.put("price", "DOUBLE");
        c.put("volume", "BIGINT");
        c.put("bid", "DOUBLE");
        c.put("ask", "DOUBLE");
        // TIMESTAMP(MILLIS, isAdjustedToUTC=true) reads as TIMESTAMPTZ; the session runs in UTC
        c.put("event_time", "TIMESTAMPTZ");
        c.put("sequence", "BIGINT");
        c.put("source", "VARCHAR");
        c.put("kafka_topic", "VARCHAR");
        c.put("kafka_partition", "INTEGER");
        c.put("kafka_offset", "BIGINT");
        c.put("ingest_time", "TIMESTAMPTZ");
        return Collections.unmodifiableMap(c);
    }

    /** The statement defining {@code compacted_ticks} over the given data files. */
    public static String ticksView(List<String> files) {
        String projection = COLUMNS.entrySet().stream()
                .map(e -> "CAST(" + SqlLiterals.identifier(e.getKey()) + " AS " + e.getValue() + ") AS "
                        + SqlLiterals.identifier(e.getKey()))
                .collect(Collectors.joining(", "));
        String from = files.isEmpty()
                ? "(SELECT " + COLUMNS.entrySet().stream()
                        .map(e -> "NULL::" + e.getValue() + " AS " + SqlLiterals.identifier(e.getKey()))
                        .collect(Collectors.joining(", ")) + " WHERE false)"
                : "read_parquet(" + SqlLiterals.stringList(files) + ", union_by_name = true, hive_partitioning = false)";
        return "CREATE OR REPLACE TEMP VIEW " + TICKS_VIEW + " AS SELECT " + projection + " FROM " + from;
    }

    /** The statement defining {@code compacted_manifests} for the given hours. */
    public static String manifestsView(List<CompactedHour> hours) {
        String columns = "hour_start, version, row_count, manifest";
        if (hours.isEmpty()) {
            return "CREATE OR REPLACE TEMP VIEW " + MANIFESTS_VIEW + " AS SELECT NULL::TIMESTAMPTZ AS hour_start,"
                    + " NULL::BIGINT AS version, NULL::BIGINT AS row_count, NULL::VARCHAR AS manifest WHERE false";
        }
        String values = hours.stream()
                .map(h -> "(" + SqlLiterals.timestamp(h.hourStart()) + ", " + h.version() + "::BIGINT, "
                        + h.rowCount() + "::BIGINT, " + SqlLiterals.string(h.manifestPath()) + ")")
                .collect(Collectors.joining(", "));
        return "CREATE OR REPLACE TEMP VIEW " + MANIFESTS_VIEW + " AS SELECT * FROM (VALUES " + values + ") AS m("
                + columns + ")";
    }
}
