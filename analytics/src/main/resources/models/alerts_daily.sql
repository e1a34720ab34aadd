-- Alerts per symbol, rule kind and UTC day of the alert's event_time, from the raw alerts table
-- (raw/stock_alerts, landed by the sink's stock-alerts-sink connector). An alert landed twice (a retried
-- task) keeps its Kafka coordinates and counts once. STALE_FEED alerts carry the wall-clock time of the
-- check as event_time, so they count in the day they were noticed.
--   alerts                   alerts fired
--   rules                    distinct rules that fired
--   first_alert, last_alert  event times of the day's first and last alert
-- source: alerts
-- grain: day
-- time_column: day
-- unique_key: symbol, kind, day
-- not_null: symbol, kind, day, alerts, rules, first_alert, last_alert
-- expect: alerts > 0 AND rules BETWEEN 1 AND alerts AND first_alert <= last_alert
SELECT
    symbol,
    kind,
    CAST(event_time AS DATE) AS day,
    count(*)::BIGINT AS alerts,
    count(DISTINCT rule_id)::BIGINT AS rules,
    min(event_time) AS first_alert,
    max(event_time) AS last_alert
FROM (SELECT DISTINCT ON (kafka_topic, kafka_partition, kafka_offset) * FROM raw_alerts)
WHERE event_time >= range_start() AND event_time < range_end()
GROUP BY symbol, kind, CAST(event_time AS DATE)
