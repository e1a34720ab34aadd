-- One-minute bars per symbol, the streams-app's 1m KPI computed from the lake. Open and close are the
-- prices of the first and last tick by event time (same millisecond: lower sequence first, like the
-- streams-app; a (symbol, sequence) is one row of the compacted table, so it counts once); avg is the mean price; vwap is sum(price * volume) / sum(volume), or the mean price
-- when no volume traded; stddev is the population standard deviation of the prices; notional is
-- sum(price * volume). Windows are epoch-aligned in UTC.
-- depends_on: stg_ticks
-- time_column: window_start
-- unique_key: symbol, window_start
-- not_null: symbol, window_start, window_end, open, high, low, close, avg, vwap, volume, trade_count, stddev, notional, last_event_time
-- expect: low <= least("open", "close") AND greatest("open", "close") <= high
-- expect: avg BETWEEN low - 1e-9 * abs(low) AND high + 1e-9 * abs(high)
-- expect: vwap BETWEEN low - 1e-9 * abs(low) AND high + 1e-9 * abs(high)
-- expect: volume >= 0 AND trade_count > 0 AND stddev >= 0
-- expect: window_end = window_start + INTERVAL 1 MINUTE
-- test: reconciles_with_staging
SELECT
    symbol,
    window_start,
    window_start + INTERVAL 1 MINUTE AS window_end,
    arg_min(price, order_key) AS "open",
    max(price) AS high,
    min(price) AS low,
    arg_max(price, order_key) AS "close",
    avg(price) AS avg,
    CASE WHEN sum(volume) = 0 THEN avg(price) ELSE sum(price * volume) / sum(volume) END AS vwap,
    sum(volume)::BIGINT AS volume,
    count(*) AS trade_count,
    stddev_pop(price) AS stddev,
    sum(price * volume) AS notional,
    max(event_time) AS last_event_time
FROM (
    SELECT
        symbol,
        price,
        volume,
        event_time,
        sequence,
        window_start_of(event_time, 60) AS window_start,
        tick_order(event_time, sequence) AS order_key
    FROM stg_ticks
    WHERE event_time >= range_start() AND event_time < range_end()
)
GROUP BY symbol, window_start
