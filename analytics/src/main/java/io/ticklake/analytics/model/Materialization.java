package io.ticklake.analytics.model;

import java.util.Locale;

/** Where a model's rows live after it ran. */
public enum Materialization {
    /** Day-partitioned Parquet under {@code <lake>/models/<model>/}: the model's published output. */
    PARQUET,
    /** A temporary DuckDB table that lives for one run only (staging). */
    TABLE;

    public static Materialization parse(String text) {
        for (Materialization m : values()) {
            if (m.name().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown materialization '" + text + "' (allowed: parquet, table)");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
