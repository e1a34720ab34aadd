package io.ticklake.dashboard.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A row of the analytics model {@code moving_averages}: the averages at the end of one 1-minute bar. */
@Serdeable
@Schema(name = "MovingAverage")
public record MovingAverageView(
        String symbol,
        @JsonProperty("window_start") String windowStart,
        @JsonProperty("window_end") String windowEnd,
        @JsonProperty("ma_15m") @Schema(description = "mean price over [window_end - 15 min, window_end)") double ma15m,
        @JsonProperty("ma_1h") @Schema(description = "mean price over [window_end - 1 h, window_end)") double ma1h,
        @JsonProperty("trade_count_15m") long tradeCount15m,
        @JsonProperty("trade_count_1h") long tradeCount1h) {
}
