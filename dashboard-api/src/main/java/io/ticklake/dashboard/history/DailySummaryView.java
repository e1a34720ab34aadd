package io.ticklake.dashboard.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A row of the analytics model {@code daily_summary}: one symbol's UTC day. */
@Serdeable
@Schema(name = "DailySummary")
public record DailySummaryView(
        String symbol,
        @Schema(description = "UTC day, ISO-8601 date") String day,
        double open,
        double high,
        double low,
        double close,
        long volume,
        double vwap,
        @JsonProperty("trade_count") long tradeCount,
        @JsonProperty("previous_day") @Nullable String previousDay,
        @JsonProperty("previous_close") @Nullable Double previousClose,
        @Nullable Double change,
        @JsonProperty("change_pct") @Nullable @Schema(description = "100 * change / previous_close") Double changePct) {
}
