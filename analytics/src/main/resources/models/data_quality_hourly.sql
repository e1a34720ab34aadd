-- Data quality per symbol and UTC hour (of event_time), from the raw layer: everything the sink and the
-- backfill landed, before compaction removes repeats. An hour is judged with the ticks around it in
-- Kafka order, which may lie in the hour before (the previous tick of a symbol, the sequence before a
-- gap) or after (the ticks that raised stream time before a late one): hence look-back and look-ahead of
-- an hour, and a run for a changed hour also rebuilds the hour before and the hour after.
--   raw_rows            rows in the hour's raw files (a record landed twice counts twice)
--   ticks_landed        Kafka records: distinct (kafka_topic, kafka_partition, kafka_offset)
--   distinct_trades     distinct (symbol, sequence): what compaction keeps
--   duplicates          ticks_landed - distinct_trades (producer retries, repeated quotes)
--   sequence_gaps       sequence numbers of the symbol that never landed, each gap counted in the hour of
--                       the trade after it (the next higher sequence that landed), so a gap across an
--                       hour boundary counts in the later hour; the trade before it must lie within an
--                       hour of that trade, otherwise (a symbol silent for longer) the gap is not counted
--   out_of_order_ticks  trades whose sequence is lower than that of the symbol's previous trade in Kafka
--                       order (partition, offset); repeated copies count as duplicates, not here
--   late_ticks          records the streams-app drops as late: the end of their 1-minute window is at or
--                       before stream time minus grace, stream time being the highest event_time before
--                       them on their Kafka partition (late_grace_ms(): --quality.grace-ms)
--   invalid_ticks       records of the ticks topic rejected as invalid (undecodable or breaking a StockTick
--                       rule; late ones are late_ticks), from the dead letters the sink lands in
--                       raw/stock_ticks_dlq: each rejected record once (the streams app and the sink both
--                       report one), counted under its record key in the hour of its Kafka timestamp; a symbol
--                       and hour with invalid ticks only has a row too (no landed ticks: the counts are 0, the
--                       latencies, sequences and the ratios over landed ticks NULL, invalid_ratio 1)
--   invalid_reasons     the same by reason, e.g. 'price=2, undecodable=1'; NULL when there are none
--   latency_p50_ms/_p99_ms  median and 99th percentile of ingest_time - event_time over the Kafka records
--                       (ingest_time is the Kafka record timestamp the sink writes)
-- source: raw
-- lookback: 1h
-- lookahead: 1h
-- time_column: hour_start
-- unique_key: symbol, hour_start
-- not_null: symbol, hour_start, hour_end, raw_rows, ticks_landed, distinct_trades, duplicates, sequence_gaps
-- not_null: out_of_order_ticks, late_ticks, invalid_ticks, invalid_ratio
-- expect: (latency_p50_ms IS NULL) = (ticks_landed = 0) AND (ticks_landed > 0 OR invalid_ticks > 0)
-- expect: (invalid_ticks = 0) = (invalid_reasons IS NULL)
-- expect: distinct_trades + duplicates = ticks_landed AND ticks_landed <= raw_rows AND duplicates >= 0
-- expect: sequence_gaps >= 0 AND out_of_order_ticks <= distinct_trades AND late_ticks <= ticks_landed
-- expect: coalesce(latency_p50_ms <= latency_p99_ms, ticks_landed = 0)
-- threshold: duplicate_ratio warn=0.01
-- threshold: gap_ratio warn=0.001
-- threshold: out_of_order_ratio warn=0.01
-- threshold: late_ratio warn=0.01
-- threshold: invalid_ratio warn=0.001
-- threshold: latency_p99_ms warn=5000
WITH landed AS (
    -- a record landed twice is still one Kafka record: the same coordinates, the same row
    SELECT DISTINCT ON (kafka_topic, kafka_partition, kafka_offset) *, window_start_of(event_time, 3600) AS hour_start
    FROM raw_ticks
), judged AS (
    SELECT *,
        window_start_of(event_time, 60) + INTERVAL 1 MINUTE
            <= max(event_time) OVER (PARTITION BY kafka_topic, kafka_partition ORDER BY kafka_offset
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
               - to_milliseconds(late_grace_ms()) AS is_late,
        row_number() OVER (PARTITION BY symbol, sequence, hour_start
                           ORDER BY kafka_topic, kafka_partition, kafka_offset) = 1 AS first_copy
    FROM landed
), trades AS (
    SELECT symbol, hour_start, sequence,
        sequence < lag(sequence) OVER (PARTITION BY symbol, kafka_topic, kafka_partition ORDER BY kafka_offset)
            AS out_of_order
    FROM judged
    WHERE first_copy
), sequences AS (
    -- the symbol's landed sequence numbers in order, each with the one below it
    SELECT symbol, hour_start, sequence,
           lag(sequence) OVER by_sequence AS previous_sequence, lag(hour_start) OVER by_sequence AS previous_hour
    FROM (SELECT DISTINCT symbol, hour_start, sequence FROM trades)
    WINDOW by_sequence AS (PARTITION BY symbol ORDER BY sequence, hour_start)
), gaps AS (
    SELECT symbol, hour_start,
           sum(CASE WHEN previous_hour BETWEEN hour_start - INTERVAL 1 HOUR AND hour_start + INTERVAL 1 HOUR
                    THEN greatest(sequence - previous_sequence - 1, 0) ELSE 0 END)::BIGINT AS sequence_gaps
    FROM sequences
    GROUP BY ALL
), per_hour AS (
    SELECT l.symbol, l.hour_start, l.ticks_landed, l.late_ticks, l.latency_p50_ms, l.latency_p99_ms,
           t.distinct_trades, t.out_of_order_ticks, t.min_sequence, t.max_sequence, g.sequence_gaps
    FROM (
        SELECT symbol, hour_start, count(*) AS ticks_landed, count(*) FILTER (WHERE is_late) AS late_ticks,
               quantile_cont(date_diff('millisecond', event_time, ingest_time), 0.5) AS latency_p50_ms,
               quantile_cont(date_diff('millisecond', event_time, ingest_time), 0.99) AS latency_p99_ms
        FROM judged
        GROUP BY ALL
    ) l JOIN (
        SELECT symbol, hour_start, count(*) AS distinct_trades,
               count(*) FILTER (WHERE out_of_order) AS out_of_order_ticks,
               min(sequence) AS min_sequence, max(sequence) AS max_sequence
        FROM trades
        GROUP BY ALL
    ) t USING (symbol, hour_start) JOIN gaps g USING (symbol, hour_start)
), rejected AS (
    -- an invalid tick is rejected by the streams app and by the sink: one record, reported twice
    SELECT DISTINCT ON (coalesce(source_topic, kafka_topic), coalesce(source_partition, kafka_partition),
                        coalesce(source_offset, kafka_offset))
        record_key AS symbol, window_start_of(ingest_time, 3600) AS hour_start, reason
    FROM raw_dead_letters
    WHERE reason <> 'late' AND (source_topic IS NULL OR source_topic IN (SELECT kafka_topic FROM raw_ticks))
    ORDER BY coalesce(source_topic, kafka_topic), coalesce(source_partition, kafka_partition),
             coalesce(source_offset, kafka_offset), reported_by DESC
), invalid AS (
    SELECT symbol, hour_start, sum(n)::BIGINT AS invalid_ticks,
           string_agg(reason || '=' || n, ', ' ORDER BY reason) AS invalid_reasons
    FROM (SELECT symbol, hour_start, reason, count(*) AS n FROM rejected GROUP BY ALL)
    GROUP BY ALL
), raw_rows AS (
    SELECT symbol, window_start_of(event_time, 3600) AS hour_start, count(*) AS raw_rows
    FROM raw_ticks
    GROUP BY ALL
), rows_judged AS (
    -- every symbol and hour with landed ticks, and every one with invalid ticks only
    SELECT symbol, hour_start FROM per_hour
    UNION
    SELECT symbol, hour_start FROM invalid WHERE symbol IS NOT NULL
), counts AS (
    SELECT k.symbol, k.hour_start,
        coalesce(r.raw_rows, 0) AS raw_rows,
        coalesce(g.ticks_landed, 0) AS ticks_landed,
        coalesce(g.distinct_trades, 0) AS distinct_trades,
        coalesce(g.sequence_gaps, 0) AS sequence_gaps,
        coalesce(g.out_of_order_ticks, 0) AS out_of_order_ticks,
        coalesce(g.late_ticks, 0) AS late_ticks,
        coalesce(i.invalid_ticks, 0) AS invalid_ticks,
        i.invalid_reasons, g.min_sequence, g.max_sequence, g.latency_p50_ms, g.latency_p99_ms
    FROM rows_judged k LEFT JOIN per_hour g USING (symbol, hour_start) LEFT JOIN raw_rows r USING (symbol, hour_start)
        LEFT JOIN invalid i USING (symbol, hour_start)
    WHERE k.hour_start >= range_start() AND k.hour_start < range_end()
)
SELECT
    symbol,
    hour_start,
    hour_start + INTERVAL 1 HOUR AS hour_end,
    raw_rows,
    ticks_landed,
    distinct_trades,
    ticks_landed - distinct_trades AS duplicates,
    sequence_gaps,
    out_of_order_ticks,
    late_ticks,
    invalid_ticks,
    invalid_reasons,
    min_sequence,
    max_sequence,
    latency_p50_ms,
    latency_p99_ms,
    (ticks_landed - distinct_trades) / nullif(ticks_landed, 0) AS duplicate_ratio,
    sequence_gaps / nullif(distinct_trades + sequence_gaps, 0) AS gap_ratio,
    out_of_order_ticks / nullif(distinct_trades, 0) AS out_of_order_ratio,
    late_ticks / nullif(ticks_landed, 0) AS late_ratio,
    invalid_ticks / (ticks_landed + invalid_ticks) AS invalid_ratio
FROM counts
