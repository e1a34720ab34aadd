package io.ticklake.dashboard.history;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.ticklake.dashboard.security.Roles;
import io.ticklake.dashboard.api.ApiError;
import java.util.List;

/** Historical KPIs from the analytics models of the lake (DuckDB over their Parquet files). */
@Controller("/api/history")
@Tag(name = "history")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.VIEWER)
class HistoryController {

    private static final String FROM = "inclusive; epoch millis, ISO-8601 instant or date";
    private static final String TO = "exclusive; epoch millis, ISO-8601 instant or date";

    private final HistoryApi history;

    HistoryController(HistoryApi history) {
        this.history = history;
    }

    @Get(uri = "/daily/{symbol}", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Daily OHLCV, VWAP and change % against the previous close (model daily_summary)")
    @ApiResponse(responseCode = "200", description = "the days, ascending; default: the last 90 days")
    @ApiResponse(responseCode = "400", description = "bad time or range; names the parameter",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "unknown symbol, no lake, or the model has no files yet",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    List<DailySummaryView> daily(@PathVariable String symbol,
                                 @Parameter(description = FROM) @QueryValue @Nullable String from,
                                 @Parameter(description = TO) @QueryValue @Nullable String to) {
        return history.daily(symbol, from, to);
    }

    @Get(uri = "/moving-averages/{symbol}", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "15-minute and 1-hour moving averages at each 1-minute bar (model moving_averages)")
    @ApiResponse(responseCode = "200", description = "the bars, ascending; default: the last day")
    @ApiResponse(responseCode = "404", description = "unknown symbol, no lake, or the model has no files yet",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    List<MovingAverageView> movingAverages(@PathVariable String symbol,
                                           @Parameter(description = FROM) @QueryValue @Nullable String from,
                                           @Parameter(description = TO) @QueryValue @Nullable String to) {
        return history.movingAverages(symbol, from, to);
    }

    @Get(uri = "/volatility/{symbol}", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "1-minute log returns and 15-minute / 1-hour realised volatility (model volatility)")
    @ApiResponse(responseCode = "200", description = "the bars, ascending; default: the last day")
    @ApiResponse(responseCode = "404", description = "unknown symbol, no lake, or the model has no files yet",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    List<VolatilityView> volatility(@PathVariable String symbol,
                                    @Parameter(description = FROM) @QueryValue @Nullable String from,
                                    @Parameter(description = TO) @QueryValue @Nullable String to) {
        return history.volatility(symbol, from, to);
    }
}
