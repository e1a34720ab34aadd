-- Staging: the compacted ticks of the run's hours, read from the data files that Iceberg's scan planning
-- of one snapshot of ticklake.ticks lists for them, in the lake contract's types, with the columns the
-- models use (bid, ask, source and ingest_time are left out: no model reads them, and every
-- column kept costs a scan of millions of rows). Kept as a table for the run, not published: the Iceberg
-- table is already the durable copy.
-- It depends on no model, so the runner gives it the table as compacted_ticks and compacted_hours.
-- materialized: table
-- time_column: event_time
-- unique_key: kafka_topic, kafka_partition, kafka_offset
-- not_null: symbol, price, volume, event_time, kafka_topic, kafka_partition, kafka_offset
-- expect: price > 0 AND isfinite(price)
-- expect: volume >= 0
-- expect: kafka_partition BETWEEN 0 AND 65535 AND kafka_offset >= 0
-- test: matches_compacted_hours
-- test: counts_each_trade_once
SELECT
    symbol,
    price,
    volume,
    event_time,
    sequence,
    kafka_topic,
    kafka_partition,
    kafka_offset
FROM compacted_ticks
WHERE event_time >= range_start() AND event_time < range_end()
