package io.ticklake.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ticklake.schemas.WindowKpi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a {@link WindowKpi} in the forwarding contract: the Avro field names, instants as
 * ISO-8601 UTC strings, {@code ma_15m}/{@code ma_1h} null when unset. The one KPI JSON of the
 * platform: the forwarding endpoint, dashboard-api's REST answers and its WebSocket frames all write it
 * with this class.
 */
public final class KpiJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KpiJson() {
    }

    public static ObjectNode toJson(WindowKpi kpi) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("symbol", kpi.getSymbol());
        node.put("window", kpi.getWindow());
        node.put("window_start", kpi.getWindowStart().toString());
        node.put("window_end", kpi.getWindowEnd().toString());
        node.put("open", kpi.getOpen());
        node.put("high", kpi.getHigh());
        node.put("low", kpi.getLow());
        node.put("close", kpi.getClose());
        node.put("avg", kpi.getAvg());
        node.put("vwap", kpi.getVwap());
        node.put("volume", kpi.getVolume());
        node.put("trade_count", kpi.getTradeCount());
        node.put("stddev", kpi.getStddev());
        node.put("last_event_time", kpi.getLastEventTime().toString());
        node.put("ma_15m", kpi.getMa15m());
        node.put("ma_1h", kpi.getMa1h());
        return node;
    }

    public static WindowKpi fromJson(JsonNode node) {
        return WindowKpi.newBuilder()
                .setSymbol(node.get("symbol").asText())
                .setWindow(node.get("window").asText())
                .setWindowStart(Instant.parse(node.get("window_start").asText()))
                .setWindowEnd(Instant.parse(node.get("window_end").asText()))
                .setOpen(node.get("open").asDouble())
                .setHigh(node.get("high").asDouble())
                .setLow(node.get("low").asDouble())
                .setClose(node.get("close").asDouble())
                .setAvg(node.get("avg").asDouble())
                .setVwap(node.get("vwap").asDouble())
                .setVolume(node.get("volume").asLong())
                .setTradeCount(node.get("trade_count").asLong())
                .setStddev(node.get("stddev").asDouble())
                .setLastEventTime(Instant.parse(node.get("last_event_time").asText()))
                .setMa15m(nullableDouble(node.get("ma_15m")))
                .setMa1h(nullableDouble(node.get("ma_1h")))
                .build();
    }

    /** One KPI as JSON text. */
    public static String write(WindowKpi kpi) {
        return toJson(kpi).toString();
    }

    /** A list of KPIs as a JSON array. */
    public static String write(List<WindowKpi> kpis) {
        ArrayNode array = MAPPER.createArrayNode();
        kpis.forEach(kpi -> array.add(toJson(kpi)));
        return array.toString();
    }

    /** An error body: {@code {"error": "...", "retry_after_ms": n}} (the latter only when given). */
    public static String error(String message, Long retryAfterMs) {
        return error(message, null, retryAfterMs);
    }

    /**
     * An error body: {@code {"error": "...", "parameter": "...", "retry_after_ms": n}}, the parameter at
     * fault (a 400) and the retry hint (a 503) only when given; dashboard-api's error shape is the same.
     */
    public static String error(String message, String parameter, Long retryAfterMs) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("error", message);
        if (parameter != null) {
            node.put("parameter", parameter);
        }
        if (retryAfterMs != null) {
            node.put("retry_after_ms", retryAfterMs);
        }
        return node.toString();
    }

    public static WindowKpi readOne(String json) {
        return fromJson(parse(json));
    }

    public static List<WindowKpi> readList(String json) {
        JsonNode array = parse(json);
        if (!array.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of KPIs, got " + array.getNodeType());
        }
        List<WindowKpi> kpis = new ArrayList<>(array.size());
        array.forEach(node -> kpis.add(fromJson(node)));
        return kpis;
    }

    /** The {@code error} field of an error body, or the body itself. */
    public static String errorMessage(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return node.hasNonNull("error") ? node.get("error").asText() : json;
        } catch (IOException e) {
            return json;
        }
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
        }
    }

    private static Double nullableDouble(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }
}
