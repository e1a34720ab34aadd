-- Test macros: each returns the failing rows of the model it is given (by name), within the range the
-- model was built for. A model names them in its header with '-- test: <macro>'.

-- Staging holds exactly the rows Iceberg's metadata records for each hour's planned data files.
CREATE OR REPLACE TEMP MACRO matches_compacted_hours(model_name, hours := 'compacted_hours') AS TABLE
    WITH counted AS (
        SELECT window_start_of(event_time, 3600) AS hour_start, count(*) AS model_rows
        FROM query_table(model_name)
        GROUP BY ALL
    ), recorded AS (
        SELECT hour_start, row_count, data_files
        FROM query_table(hours)
        WHERE hour_start >= range_start() AND hour_start < range_end()
    )
    SELECT coalesce(r.hour_start, c.hour_start) AS hour_start, r.row_count AS table_rows,
           coalesce(c.model_rows, 0) AS model_rows, r.data_files
    FROM recorded r FULL OUTER JOIN counted c ON r.hour_start = c.hour_start
    WHERE coalesce(r.row_count, 0) <> coalesce(c.model_rows, 0);

-- A trade, (symbol, sequence), is one row per hour: compaction keeps the first copy of a producer retry
-- or repeated quote (the streams-app drops the others too), so every model counts it once.
CREATE OR REPLACE TEMP MACRO counts_each_trade_once(model_name) AS TABLE
    SELECT symbol, sequence, window_start_of(event_time, 3600) AS hour_start, count(*) AS occurrences
    FROM query_table(model_name)
    GROUP BY ALL
    HAVING count(*) > 1;

-- Per symbol, the model's trade_count and volume add up to the staging ticks of the same range.
CREATE OR REPLACE TEMP MACRO reconciles_with_staging(model_name, staging := 'stg_ticks') AS TABLE
    WITH modelled AS (
        SELECT symbol, sum(trade_count)::BIGINT AS trades, sum(volume)::BIGINT AS volume
        FROM query_table(model_name)
        GROUP BY symbol
    ), staged AS (
        SELECT symbol, count(*) AS trades, sum(volume)::BIGINT AS volume
        FROM query_table(staging)
        WHERE event_time >= range_start() AND event_time < range_end()
        GROUP BY symbol
    )
    SELECT coalesce(m.symbol, s.symbol) AS symbol, s.trades AS staging_trades, m.trades AS model_trades,
           s.volume AS staging_volume, m.volume AS model_volume
    FROM modelled m FULL OUTER JOIN staged s ON m.symbol = s.symbol
    WHERE m.trades IS DISTINCT FROM s.trades OR m.volume IS DISTINCT FROM s.volume;

-- Per symbol and day, the model's trade_count and volume add up to the hourly bars of the same range.
CREATE OR REPLACE TEMP MACRO reconciles_with_hourly_bars(model_name, hourly_bars := 'ohlcv_1h') AS TABLE
    WITH modelled AS (
        SELECT symbol, day, trade_count::BIGINT AS trades, volume::BIGINT AS volume
        FROM query_table(model_name)
    ), hourly AS (
        SELECT symbol, CAST(window_start AS DATE) AS day, sum(trade_count)::BIGINT AS trades,
               sum(volume)::BIGINT AS volume
        FROM query_table(hourly_bars)
        WHERE window_start >= range_start() AND window_start < range_end()
        GROUP BY ALL
    )
    SELECT coalesce(m.symbol, h.symbol) AS symbol, coalesce(m.day, h.day) AS day, h.trades AS hourly_trades,
           m.trades AS model_trades, h.volume AS hourly_volume, m.volume AS model_volume
    FROM modelled m FULL OUTER JOIN hourly h ON m.symbol = h.symbol AND m.day = h.day
    WHERE m.trades IS DISTINCT FROM h.trades OR m.volume IS DISTINCT FROM h.volume;

-- The model has one row for every 1-minute bar of the range, and no other.
CREATE OR REPLACE TEMP MACRO one_row_per_minute_bar(model_name, minute_bars := 'ohlcv_1m') AS TABLE
    WITH modelled AS (
        SELECT symbol, window_start FROM query_table(model_name)
    ), bars AS (
        SELECT symbol, window_start FROM query_table(minute_bars)
        WHERE window_start >= range_start() AND window_start < range_end()
    )
    SELECT coalesce(m.symbol, b.symbol) AS symbol, coalesce(m.window_start, b.window_start) AS window_start,
           m.symbol IS NOT NULL AS in_model, b.symbol IS NOT NULL AS in_ohlcv_1m
    FROM modelled m FULL OUTER JOIN bars b ON m.symbol = b.symbol AND m.window_start = b.window_start
    WHERE m.symbol IS NULL OR b.symbol IS NULL;
