-- The hourly price statistics users compute today, per symbol and UTC hour: lowest, highest and mean
-- trade price, with the trade count and volume they are based on.
-- depends_on: ohlcv_1h
-- time_column: hour_start
-- unique_key: symbol, hour_start
-- not_null: symbol, hour_start, hour_end, min_price, max_price, avg_price, trade_count, volume
-- expect: min_price <= max_price
-- expect: avg_price BETWEEN min_price - 1e-9 * abs(min_price) AND max_price + 1e-9 * abs(max_price)
-- expect: trade_count > 0 AND volume >= 0
-- test: reconciles_with_staging
SELECT
    symbol,
    window_start AS hour_start,
    window_end AS hour_end,
    low AS min_price,
    high AS max_price,
    avg AS avg_price,
    trade_count,
    volume
FROM ohlcv_1h
WHERE window_start >= range_start() AND window_start < range_end()
