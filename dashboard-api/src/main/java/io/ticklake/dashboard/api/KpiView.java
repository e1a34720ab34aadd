package io.ticklake.dashboard.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.ticklake.schemas.WindowKpi;

/**
 * A {@link WindowKpi} as JSON: the Avro field names, instants as ISO-8601 UTC strings (the same shape
 * as streams-app's forwarding JSON), used by the REST answers and the WebSocket frames.
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

    public static KpiView of(WindowKpi kpi) {
        return new KpiView(kpi.getSymbol(), kpi.getWindow(), kpi.getWindowStart().toString(),
                kpi.getWindowEnd().toString(), kpi.getOpen(), kpi.getHigh(), kpi.getLow(), kpi.getClose(), kpi.getAvg(),
                kpi.getVwap(), kpi.getVolume(), kpi.getTradeCount(), kpi.getStddev(),
                kpi.getLastEventTime().toString(), kpi.getMa15m(), kpi.getMa1h());
    }
}
