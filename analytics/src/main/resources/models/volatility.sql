-- Realised volatility per symbol at every 1-minute bar: log_return is ln(close / previous close) when
-- the previous minute has a bar (NULL across a gap, so every return spans one minute); volatility_15m
-- and volatility_1h are the population standard deviation of the returns of the last 15 and 60 bars
-- up to this one, NULL with fewer than two returns. Not annualised.
-- depends_on: ohlcv_1m
-- lookback: 1h
-- time_column: window_start
-- unique_key: symbol, window_start
-- not_null: symbol, window_start, window_end, close, returns_15m, returns_1h
-- expect: volatility_15m IS NULL OR volatility_15m >= 0
-- expect: volatility_1h IS NULL OR volatility_1h >= 0
-- expect: (volatility_1h IS NULL) = (returns_1h < 2)
-- test: one_row_per_minute_bar
WITH bars AS (
    SELECT
        symbol,
        window_start,
        window_end,
        "close",
        lag("close") OVER by_time AS previous_close,
        lag(window_start) OVER by_time AS previous_start
    FROM ohlcv_1m
    WHERE window_start >= range_start() - INTERVAL 1 HOUR AND window_start < range_end()
    WINDOW by_time AS (PARTITION BY symbol ORDER BY window_start)
), returns AS (
    SELECT
        *,
        CASE WHEN previous_start = window_start - INTERVAL 1 MINUTE THEN ln("close" / previous_close) END
            AS log_return
    FROM bars
), rolling AS (
    SELECT
        symbol,
        window_start,
        window_end,
        "close",
        log_return,
        stddev_pop(log_return) OVER last_15m AS stddev_15m,
        stddev_pop(log_return) OVER last_1h AS stddev_1h,
        count(log_return) OVER last_15m AS returns_15m,
        count(log_return) OVER last_1h AS returns_1h
    FROM returns
    WINDOW
        last_15m AS (PARTITION BY symbol ORDER BY window_start
                     RANGE BETWEEN INTERVAL 14 MINUTE PRECEDING AND CURRENT ROW),
        last_1h AS (PARTITION BY symbol ORDER BY window_start
                    RANGE BETWEEN INTERVAL 59 MINUTE PRECEDING AND CURRENT ROW)
)
SELECT
    symbol,
    window_start,
    window_end,
    "close",
    log_return,
    CASE WHEN returns_15m >= 2 THEN stddev_15m END AS volatility_15m,
    CASE WHEN returns_1h >= 2 THEN stddev_1h END AS volatility_1h,
    returns_15m,
    returns_1h
FROM rolling
WHERE window_start >= range_start()
