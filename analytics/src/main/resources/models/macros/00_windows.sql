-- Macros the models share. Each runs once per run, before the first model. Table macros take the
-- tables they read as parameters (with the usual table as default) and read them with query_table():
-- DuckDB binds a table named in the macro's body when the macro is created, before the models exist.

-- The order of a symbol's ticks within a window, as the streams-app orders them: event time, then the
-- source's sequence for ticks of the same millisecond. That is a total order, because the compacted
-- table holds a (symbol, sequence) once per hour and no window spans two hours (stg_ticks tests it).
-- One HUGEINT rather than a STRUCT because arg_min/arg_max over a scalar key are several times faster:
-- epoch_ms * 2^64 + sequence keeps both orders for any signed 64-bit sequence.
CREATE OR REPLACE TEMP MACRO tick_order(event_time, sequence) AS
    (epoch_ms(event_time)::HUGEINT << 64) + sequence::HUGEINT;

-- The start of the UTC epoch-aligned window of width_s seconds that contains ts. Integer arithmetic on
-- epoch milliseconds is several times faster than time_bucket over TIMESTAMPTZ.
CREATE OR REPLACE TEMP MACRO window_start_of(ts, width_s) AS
    to_timestamp((epoch_ms(ts) // (width_s * 1000)) * width_s);

-- Bars of width_s seconds rolled up from the 1-minute bars in [range_start(), range_end()). open, close,
-- high, low, volume, trade_count and notional are exact; avg and stddev combine the minutes' means and
-- variances (stddev = sqrt(sum(n * (sd^2 + (avg_minute - avg)^2)) / sum(n))), which equals the per-tick
-- formula up to floating-point rounding.
CREATE OR REPLACE TEMP MACRO rollup_minute_bars(width_s, minute_bars := 'ohlcv_1m') AS TABLE
    WITH minutes AS (
        SELECT *, window_start_of(window_start, width_s) AS bucket
        FROM query_table(minute_bars)
        WHERE window_start >= range_start() AND window_start < range_end()
    ), weighted AS (
        SELECT *, sum(avg * trade_count) OVER bucket_rows / sum(trade_count) OVER bucket_rows AS bucket_avg
        FROM minutes
        WINDOW bucket_rows AS (PARTITION BY symbol, bucket)
    )
    SELECT
        symbol,
        bucket AS window_start,
        bucket + to_seconds(width_s) AS window_end,
        arg_min("open", window_start) AS "open",
        max(high) AS high,
        min(low) AS low,
        arg_max("close", window_start) AS "close",
        any_value(bucket_avg) AS avg,
        CASE WHEN sum(volume) = 0 THEN any_value(bucket_avg) ELSE sum(notional) / sum(volume) END AS vwap,
        sum(volume)::BIGINT AS volume,
        sum(trade_count)::BIGINT AS trade_count,
        sqrt(sum(trade_count * (stddev * stddev + (avg - bucket_avg) * (avg - bucket_avg))) / sum(trade_count))
            AS stddev,
        sum(notional) AS notional,
        max(last_event_time) AS last_event_time
    FROM weighted
    GROUP BY symbol, bucket;
