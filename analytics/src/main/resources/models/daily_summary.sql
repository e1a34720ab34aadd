-- One row per symbol and UTC day: open, high, low, close, volume, VWAP and trade count of the day, and
-- the change against the previous close, i.e. the close of the symbol's most recent earlier day with
-- trades, looking back at most 7 days (weekends and holidays have no trades); change and change_pct are
-- NULL when there is none.
-- depends_on: ohlcv_1h
-- grain: day
-- lookback: 7d
-- time_column: day
-- unique_key: symbol, day
-- not_null: symbol, day, open, high, low, close, volume, vwap, trade_count
-- expect: low <= least("open", "close") AND greatest("open", "close") <= high
-- expect: vwap BETWEEN low - 1e-9 * abs(low) AND high + 1e-9 * abs(high)
-- expect: volume >= 0 AND trade_count > 0
-- expect: (previous_close IS NULL) = (change_pct IS NULL)
-- test: reconciles_with_hourly_bars
WITH days AS (
    SELECT
        symbol,
        CAST(window_start AS DATE) AS day,
        arg_min("open", window_start) AS "open",
        max(high) AS high,
        min(low) AS low,
        arg_max("close", window_start) AS "close",
        sum(volume)::BIGINT AS volume,
        sum(notional) AS notional,
        sum(avg * trade_count) / sum(trade_count) AS avg_price,
        sum(trade_count)::BIGINT AS trade_count
    FROM ohlcv_1h
    WHERE window_start >= range_start() - INTERVAL 7 DAY AND window_start < range_end()
    GROUP BY symbol, CAST(window_start AS DATE)
), with_previous AS (
    SELECT
        *,
        lag(day) OVER by_day AS earlier_day,
        lag("close") OVER by_day AS earlier_close
    FROM days
    WINDOW by_day AS (PARTITION BY symbol ORDER BY day)
), summary AS (
    SELECT
        *,
        CASE WHEN earlier_day >= day - 7 THEN earlier_day END AS previous_day,
        CASE WHEN earlier_day >= day - 7 THEN earlier_close END AS previous_close
    FROM with_previous
)
SELECT
    symbol,
    day,
    "open",
    high,
    low,
    "close",
    volume,
    CASE WHEN volume = 0 THEN avg_price ELSE notional / volume END AS vwap,
    trade_count,
    previous_day,
    previous_close,
    "close" - previous_close AS change,
    100 * ("close" - previous_close) / previous_close AS change_pct
FROM summary
WHERE day >= CAST(range_start() AS DATE) AND day < CAST(range_end() AS DATE)
