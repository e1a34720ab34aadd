-- Moving averages of the trade price at the end t of every 1-minute bar: ma_15m and ma_1h are the mean
-- price of the ticks in [t - 15 min, t) and [t - 1 h, t), as on the streams-app's 1m KPI. They are
-- computed from the 1-minute bars' means and trade counts (sum(avg * n) / sum(n)), which equals the
-- per-tick mean up to floating-point rounding.
-- depends_on: ohlcv_1m
-- lookback: 1h
-- time_column: window_start
-- unique_key: symbol, window_start
-- not_null: symbol, window_start, window_end, ma_15m, ma_1h, trade_count_15m, trade_count_1h
-- expect: ma_15m > 0 AND ma_1h > 0
-- expect: trade_count_15m > 0 AND trade_count_1h >= trade_count_15m
-- test: one_row_per_minute_bar
SELECT symbol, window_start, window_end, ma_15m, ma_1h, trade_count_15m, trade_count_1h
FROM (
    SELECT
        symbol,
        window_start,
        window_end,
        sum(avg * trade_count) OVER last_15m / sum(trade_count) OVER last_15m AS ma_15m,
        sum(avg * trade_count) OVER last_1h / sum(trade_count) OVER last_1h AS ma_1h,
        (sum(trade_count) OVER last_15m)::BIGINT AS trade_count_15m,
        (sum(trade_count) OVER last_1h)::BIGINT AS trade_count_1h
    FROM ohlcv_1m
    WHERE window_start >= range_start() - INTERVAL 1 HOUR AND window_start < range_end()
    WINDOW
        -- bars starting 14 (59) minutes before this one up to this one cover [t - 15 min, t) ([t - 1 h, t))
        last_15m AS (PARTITION BY symbol ORDER BY window_start
                     RANGE BETWEEN INTERVAL 14 MINUTE PRECEDING AND CURRENT ROW),
        last_1h AS (PARTITION BY symbol ORDER BY window_start
                    RANGE BETWEEN INTERVAL 59 MINUTE PRECEDING AND CURRENT ROW)
)
WHERE window_start >= range_start()
