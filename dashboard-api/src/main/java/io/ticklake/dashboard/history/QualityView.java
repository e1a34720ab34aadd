package io.ticklake.dashboard.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A row of the analytics model {@code data_quality_hourly}: what landed for one symbol in one UTC hour. */
@Serdeable
@Schema(name = "DataQuality")
public record QualityView(
        String symbol,
        @JsonProperty("hour_start") String hourStart,
        @JsonProperty("hour_end") String hourEnd,
        @JsonProperty("raw_rows") @Schema(description = "rows in the hour's raw files, re-landed records included")
        long rawRows,
        @JsonProperty("ticks_landed") @Schema(description = "Kafka records (distinct coordinates)") long ticksLanded,
        @JsonProperty("distinct_trades") @Schema(description = "distinct (symbol, sequence)") long distinctTrades,
        long duplicates,
        @JsonProperty("sequence_gaps") @Schema(description = "sequence numbers that never landed") long sequenceGaps,
        @JsonProperty("out_of_order_ticks") long outOfOrderTicks,
        @JsonProperty("late_ticks") @Schema(description = "ticks the streams-app drops as late") long lateTicks,
        @JsonProperty("invalid_ticks") @Nullable @Schema(description = "ticks rejected as invalid (dead letters landed in raw/stock_ticks_dlq);"
                + " null in hours built before dead letters were landed")
        Long invalidTicks,
        @JsonProperty("latency_p50_ms") @Nullable @Schema(description = "median of ingest_time - event_time;"
                + " null (like the p99 and the ratios below) for an hour with invalid ticks only") Double latencyP50Ms,
        @JsonProperty("latency_p99_ms") @Nullable Double latencyP99Ms,
        @JsonProperty("duplicate_ratio") @Nullable Double duplicateRatio,
        @JsonProperty("gap_ratio") @Nullable Double gapRatio,
        @JsonProperty("out_of_order_ratio") @Nullable Double outOfOrderRatio,
        @JsonProperty("late_ratio") @Nullable Double lateRatio) {
}
