package io.ticklake.dashboard.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.ticklake.streams.query.KpiJson;

/**
 * The KPI object of the OpenAPI document, and a type clients can read it into. The JSON itself is
 * written by streams-app's {@link KpiJson} (the one KPI JSON, also of the forwarding paths and the
 * WebSocket frames): the Avro field names, instants as ISO-8601 UTC strings. A test checks that the
 * two agree.
 */
@Serdeable
@Schema(name = "Kpi", description = "KPIs of one symbol in one tumbling window")
public record KpiView(
        String symbol,
        @Schema(description = "window size: 1m, 5m, 15m, 1h") String window,
        @JsonProperty("window_start") @Schema(description = "inclusive, ISO-8601 UTC") String windowStart,
        @JsonProperty("window_end") @Schema(description = "exclusive, ISO-8601 UTC") String windowEnd,
        double open,
        double high,
        double low,
        double close,
        @Schema(description = "mean trade price") double avg,
        double vwap,
        long volume,
        @JsonProperty("trade_count") long tradeCount,
        @Schema(description = "population standard deviation of the prices") double stddev,
        @JsonProperty("last_event_time") String lastEventTime,
        @JsonProperty("ma_15m") @Nullable @Schema(description = "mean price over the 15 minutes before window_end (1m windows)")
        Double ma15m,
        @JsonProperty("ma_1h") @Nullable @Schema(description = "mean price over the hour before window_end (1m windows)")
        Double ma1h) {
}
