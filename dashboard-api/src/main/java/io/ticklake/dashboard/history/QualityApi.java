package io.ticklake.dashboard.history;

import io.micronaut.core.annotation.Nullable;
import io.ticklake.dashboard.api.TimeRange;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The data-quality report: the analytics model {@code data_quality_hourly} for every symbol and hour
 * starting in a time range (400 naming the parameter for a bad one; 404 while the model has no files).
 */
@Singleton
public class QualityApi {

    static final long HOUR_MS = Duration.ofHours(1).toMillis();
    /** The last day by default; at most 31 days (a month of symbols × hours for a heat map). */
    static final int DEFAULT_HOURS = 24;
    static final int MAX_HOURS = 31 * 24;

    private final LakeModels models;
    private final Clock clock = Clock.systemUTC();

    public QualityApi(LakeModels models) {
        this.models = models;
    }

    /** The rows of the hours starting in [from, to), by hour then symbol. */
    public List<QualityView> hourly(@Nullable String from, @Nullable String to) {
        TimeRange range = TimeRange.resolve(from, to, HOUR_MS, DEFAULT_HOURS, MAX_HOURS, clock);
        return models.query("data_quality_hourly",
                "SELECT symbol, epoch_ms(hour_start), epoch_ms(hour_end), raw_rows, ticks_landed, distinct_trades,"
                        + " duplicates, sequence_gaps, out_of_order_ticks, late_ticks, invalid_ticks, latency_p50_ms,"
                        + " latency_p99_ms, duplicate_ratio, gap_ratio, out_of_order_ratio, late_ratio FROM {model}"
                        + " WHERE hour_start >= CAST(? AS TIMESTAMPTZ) AND hour_start < CAST(? AS TIMESTAMPTZ)"
                        + " ORDER BY hour_start, symbol",
                List.of(range.from().toString(), range.to().toString()),
                row -> new QualityView(row.getString(1), instant(row, 2), instant(row, 3), row.getLong(4),
                        row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9),
                        row.getLong(10), nullableLong(row, 11), nullableDouble(row, 12), nullableDouble(row, 13),
                        nullableDouble(row, 14), nullableDouble(row, 15), nullableDouble(row, 16),
                        nullableDouble(row, 17)));
    }

    private static String instant(ResultSet row, int column) throws SQLException {
        return Instant.ofEpochMilli(row.getLong(column)).toString();
    }

    private static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static Double nullableDouble(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
