package io.ticklake.dashboard.history;

import io.micronaut.core.annotation.Nullable;
import io.ticklake.dashboard.api.SymbolParameter;
import io.ticklake.dashboard.api.TimeRange;
import io.ticklake.dashboard.api.UnknownSymbolException;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The historical queries over the analytics models: a symbol's daily summaries, moving averages and
 * volatility in a time range. Parameters are checked as for the live API (400 naming the parameter);
 * a symbol the model has never seen is 404, as is a model with no files yet.
 */
@Singleton
public class HistoryApi {

    static final long DAY_MS = Duration.ofDays(1).toMillis();
    static final long MINUTE_MS = Duration.ofMinutes(1).toMillis();
    /** 90 days of daily rows, a day of minute rows, by default; at most 10 years and a week. */
    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 3660;
    static final int DEFAULT_MINUTES = 1440;
    static final int MAX_MINUTES = 7 * 1440;

    private final LakeModels models;
    private final Clock clock = Clock.systemUTC();

    public HistoryApi(LakeModels models) {
        this.models = models;
    }

    /** {@code daily_summary} rows of the days starting in [from, to), ascending. */
    public List<DailySummaryView> daily(String symbol, @Nullable String from, @Nullable String to) {
        TimeRange range = TimeRange.resolve(from, to, DAY_MS, DEFAULT_DAYS, MAX_DAYS, clock);
        return orNotFound("daily_summary", SymbolParameter.check(symbol), models.query("daily_summary",
                "SELECT symbol, CAST(day AS VARCHAR), \"open\", high, low, \"close\", volume, vwap, trade_count,"
                        + " CAST(previous_day AS VARCHAR), previous_close, change, change_pct FROM {model}"
                        + " WHERE symbol = ? AND day >= CAST(? AS DATE) AND day < CAST(? AS DATE) ORDER BY day",
                List.of(symbol, day(range.from(), false), day(range.to(), true)),
                row -> new DailySummaryView(row.getString(1), row.getString(2), row.getDouble(3), row.getDouble(4),
                        row.getDouble(5), row.getDouble(6), row.getLong(7), row.getDouble(8), row.getLong(9),
                        row.getString(10), nullableDouble(row, 11), nullableDouble(row, 12),
                        nullableDouble(row, 13))));
    }

    /** {@code moving_averages} rows of the 1-minute bars starting in [from, to), ascending. */
    public List<MovingAverageView> movingAverages(String symbol, @Nullable String from, @Nullable String to) {
        TimeRange range = TimeRange.resolve(from, to, MINUTE_MS, DEFAULT_MINUTES, MAX_MINUTES, clock);
        return orNotFound("moving_averages", SymbolParameter.check(symbol), models.query("moving_averages",
                "SELECT symbol, epoch_ms(window_start), epoch_ms(window_end), ma_15m, ma_1h, trade_count_15m,"
                        + " trade_count_1h FROM {model} WHERE symbol = ? AND window_start >= CAST(? AS TIMESTAMPTZ)"
                        + " AND window_start < CAST(? AS TIMESTAMPTZ) ORDER BY window_start",
                List.of(symbol, range.from().toString(), range.to().toString()),
                row -> new MovingAverageView(row.getString(1), instant(row, 2), instant(row, 3), row.getDouble(4),
                        row.getDouble(5), row.getLong(6), row.getLong(7))));
    }

    /** {@code volatility} rows of the 1-minute bars starting in [from, to), ascending. */
    public List<VolatilityView> volatility(String symbol, @Nullable String from, @Nullable String to) {
        TimeRange range = TimeRange.resolve(from, to, MINUTE_MS, DEFAULT_MINUTES, MAX_MINUTES, clock);
        return orNotFound("volatility", SymbolParameter.check(symbol), models.query("volatility",
                "SELECT symbol, epoch_ms(window_start), epoch_ms(window_end), \"close\", log_return, volatility_15m,"
                        + " volatility_1h FROM {model} WHERE symbol = ? AND window_start >= CAST(? AS TIMESTAMPTZ)"
                        + " AND window_start < CAST(? AS TIMESTAMPTZ) ORDER BY window_start",
                List.of(symbol, range.from().toString(), range.to().toString()),
                row -> new VolatilityView(row.getString(1), instant(row, 2), instant(row, 3), row.getDouble(4),
                        nullableDouble(row, 5), nullableDouble(row, 6), nullableDouble(row, 7))));
    }

    /** An empty answer for a symbol the model does not know at all is 404, not an empty list. */
    private <T> List<T> orNotFound(String model, String symbol, List<T> rows) {
        if (rows.isEmpty() && models.query(model, "SELECT 1 FROM {model} WHERE symbol = ? LIMIT 1", List.of(symbol),
                row -> 1).isEmpty()) {
            throw new UnknownSymbolException(symbol);
        }
        return rows;
    }

    /** The UTC day of an instant; an exclusive bound inside a day includes that day. */
    private static String day(Instant instant, boolean exclusiveEnd) {
        var date = instant.atZone(ZoneOffset.UTC).toLocalDate();
        boolean midnight = instant.equals(date.atStartOfDay(ZoneOffset.UTC).toInstant());
        return (exclusiveEnd && !midnight ? date.plusDays(1) : date).toString();
    }

    private static String instant(ResultSet row, int column) throws SQLException {
        return Instant.ofEpochMilli(row.getLong(column)).toString();
    }

    private static Double nullableDouble(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
