package io.ticklake.dashboard.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A row of the analytics model {@code volatility}: realised volatility at one 1-minute bar. */
@Serdeable
@Schema(name = "Volatility")
public record VolatilityView(
        String symbol,
        @JsonProperty("window_start") String windowStart,
        @JsonProperty("window_end") String windowEnd,
        double close,
        @JsonProperty("log_return") @Nullable @Schema(description = "ln(close / previous minute's close)")
        Double logReturn,
        @JsonProperty("volatility_15m") @Nullable @Schema(description = "population stddev of the last 15 returns")
        Double volatility15m,
        @JsonProperty("volatility_1h") @Nullable @Schema(description = "population stddev of the last 60 returns")
        Double volatility1h) {
}
