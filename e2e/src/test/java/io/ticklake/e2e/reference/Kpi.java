package io.ticklake.e2e.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The KPIs of one symbol's window, as streams-app/README.md defines them, whoever computed them: the
 * API, the analytics models, or the test's own reference. Moving averages exist on 1-minute KPIs of
 * the streams app only (null elsewhere).
 */
public record Kpi(String symbol, Instant windowStart, Instant windowEnd, double open, double high, double low,
                  double close, double avg, double vwap, long volume, long tradeCount, double stddev,
                  Instant lastEventTime, Double ma15m, Double ma1h) {

    public WindowKey key() {
        return new WindowKey(symbol, windowStart);
    }

    /** A KPI object of the REST API (the Avro field names, instants as ISO-8601). */
    public static Kpi fromJson(JsonNode json) {
        return new Kpi(json.path("symbol").asText(), Instant.parse(json.path("window_start").asText()),
                Instant.parse(json.path("window_end").asText()), json.path("open").asDouble(),
                json.path("high").asDouble(), json.path("low").asDouble(), json.path("close").asDouble(),
                json.path("avg").asDouble(), json.path("vwap").asDouble(), json.path("volume").asLong(),
                json.path("trade_count").asLong(), json.path("stddev").asDouble(),
                Instant.parse(json.path("last_event_time").asText()), nullableDouble(json.get("ma_15m")),
                nullableDouble(json.get("ma_1h")));
    }

    private static Double nullableDouble(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }
}
