package io.ticklake.dashboard.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.ticklake.schemas.WindowKpi;

/** A symbol seen within the KPI history, with its last trade price and time. */
@Serdeable
@Schema(name = "Symbol")
public record SymbolView(
        String symbol,
        @JsonProperty("last_price") double lastPrice,
        @JsonProperty("last_time") @Schema(description = "event time of the last tick, ISO-8601 UTC") String lastTime) {

    /** From the symbol's latest 1-minute KPI: its close is the last trade. */
    public static SymbolView of(WindowKpi latestMinute) {
        return new SymbolView(latestMinute.getSymbol(), latestMinute.getClose(),
                latestMinute.getLastEventTime().toString());
    }
}
