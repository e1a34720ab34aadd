package io.ticklake.analytics.lake;

import io.ticklake.analytics.duckdb.SqlLiterals;
import io.ticklake.lake.RawTickColumns;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The views through which models see the compacted layer: {@code compacted_ticks} (the lake contract's
 * columns over the planned data files, each cast to its contract type, so a file that breaks the contract
 * fails here with the column named) and {@code compacted_hours} (one row per hour read, with the row
 * count Iceberg's metadata records for its files and the hour's data identity).
 */
public final class CompactedTicksViews {

    public static final String TICKS_VIEW = "compacted_ticks";
    public static final String HOURS_VIEW = "compacted_hours";

    /** The lake contract's columns in order, with their DuckDB types. */
    public static final Map<String, String> COLUMNS = ContractColumns.duckDbTypes(RawTickColumns.PARQUET_SCHEMA);

    private CompactedTicksViews() {
    }

    /** The statement defining {@code compacted_ticks} over the data files of the given hours. */
    public static String ticksView(Collection<TableHour> hours) {
        List<String> files = hours.stream().flatMap(h -> h.files().stream()).toList();
        return "CREATE OR REPLACE TEMP VIEW " + TICKS_VIEW + " AS " + contractSelect(COLUMNS, files);
    }

    /** A SELECT of a contract's columns, each cast to its type, over these Parquet files (none: no rows). */
    static String contractSelect(Map<String, String> columns, List<String> files) {
        String projection = columns.entrySet().stream()
                .map(e -> "CAST(" + SqlLiterals.identifier(e.getKey()) + " AS " + e.getValue() + ") AS "
                        + SqlLiterals.identifier(e.getKey()))
                .collect(Collectors.joining(", "));
        String from = files.isEmpty()
                ? "(SELECT " + columns.entrySet().stream()
                        .map(e -> "NULL::" + e.getValue() + " AS " + SqlLiterals.identifier(e.getKey()))
                        .collect(Collectors.joining(", ")) + " WHERE false)"
                : "read_parquet(" + SqlLiterals.stringList(files) + ", union_by_name = true, hive_partitioning = false)";
        return "SELECT " + projection + " FROM " + from;
    }

    /** The statement defining {@code compacted_hours} for the given hours. */
    public static String hoursView(Collection<TableHour> hours) {
        if (hours.isEmpty()) {
            return "CREATE OR REPLACE TEMP VIEW " + HOURS_VIEW + " AS SELECT NULL::TIMESTAMPTZ AS hour_start,"
                    + " NULL::BIGINT AS row_count, NULL::INTEGER AS data_files, NULL::VARCHAR AS data_identity WHERE false";
        }
        String values = hours.stream()
                .map(h -> "(" + SqlLiterals.timestamp(h.hourStart()) + ", " + h.rowCount() + "::BIGINT, "
                        + h.files().size() + "::INTEGER, " + SqlLiterals.string(h.identity()) + ")")
                .collect(Collectors.joining(", "));
        return "CREATE OR REPLACE TEMP VIEW " + HOURS_VIEW + " AS SELECT * FROM (VALUES " + values
                + ") AS h(hour_start, row_count, data_files, data_identity)";
    }
}
