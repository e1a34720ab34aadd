package io.ticklake.analytics.duckdb;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** SQL text for values the runner puts into statements (paths, instants, identifiers). */
public final class SqlLiterals {

    private SqlLiterals() {
    }

    /** A single-quoted string literal. */
    public static String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A DuckDB list of string literals: {@code ['a', 'b']}. */
    public static String stringList(List<String> values) {
        return values.stream().map(SqlLiterals::string).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A {@code TIMESTAMPTZ} literal in UTC. */
    public static String timestamp(Instant instant) {
        return "TIMESTAMPTZ " + string(instant.toString());
    }

    /** A double-quoted identifier. */
    public static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Comma-separated quoted identifiers. */
    public static String identifiers(List<String> names) {
        return names.stream().map(SqlLiterals::identifier).collect(Collectors.joining(", "));
    }
}
