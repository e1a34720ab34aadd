package io.ticklake.analytics.lake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DuckDB type of each column of a lake contract's Parquet schema (the lake module's
 * {@code PARQUET_SCHEMA} texts), so that the views cast to the contract without a second, hand-kept list.
 */
final class ContractColumns {

    private static final Pattern COLUMN = Pattern.compile("(?:required|optional) (\\w+) (\\w+)(?: \\((.*)\\))?;");

    private ContractColumns() {
    }

    /** Column name → DuckDB type, in schema order. */
    static Map<String, String> duckDbTypes(String parquetSchema) {
        Map<String, String> columns = new LinkedHashMap<>();
        Matcher column = COLUMN.matcher(parquetSchema);
        while (column.find()) {
            columns.put(column.group(2), duckDbType(column.group(1), column.group(3), column.group(2)));
        }
        return Collections.unmodifiableMap(columns);
    }

    private static String duckDbType(String physical, String annotation, String name) {
        if (annotation != null && annotation.startsWith("TIMESTAMP(")) {
            // the session runs in UTC; Iceberg's timestamptz (micros) and the raw millis both read as TIMESTAMPTZ
            return "TIMESTAMPTZ";
        }
        return switch (physical) {
            case "binary" -> "STRING".equals(annotation) ? "VARCHAR" : "BLOB";
            case "double" -> "DOUBLE";
            case "int64" -> "BIGINT";
            case "int32" -> "INTEGER";
            default -> throw new IllegalArgumentException("column " + name + ": no DuckDB type for " + physical);
        };
    }
}
