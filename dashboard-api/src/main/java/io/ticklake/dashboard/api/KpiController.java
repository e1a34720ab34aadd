package io.ticklake.dashboard.api;

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
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.ticklake.dashboard.security.Roles;
import io.ticklake.streams.query.KpiJson;
import java.util.List;

/**
 * Live KPIs from the hosted Kafka Streams state (any instance answers; others' symbols are forwarded).
 * KPIs are written by streams-app's {@link KpiJson}, the one KPI JSON; {@link KpiView} documents it.
 */
@Controller("/api")
@Tag(name = "live KPIs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.VIEWER)
class KpiController {

    private final KpiApi api;

    KpiController(KpiApi api) {
        this.api = api;
    }

    @Get(uri = "/symbols", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Symbols seen within the KPI history, with last price and time")
    @ApiResponse(responseCode = "200", description = "the symbols, by name")
    @ApiResponse(responseCode = "503", description = "streams not ready (rebalancing, restoring); see Retry-After",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    List<SymbolView> symbols() {
        return api.symbols();
    }

    @Get(uri = "/kpis/{symbol}", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "KPI windows of a symbol whose start lies in [from, to)")
    @ApiResponse(responseCode = "200", description = "the windows, ascending", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            array = @ArraySchema(schema = @Schema(implementation = KpiView.class))))
    @ApiResponse(responseCode = "400", description = "bad window, time, or range; names the parameter",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "unknown symbol",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "503", description = "streams not ready; see Retry-After",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    String range(@PathVariable String symbol,
                 @Parameter(description = "1m (default), 5m, 15m or 1h") @QueryValue @Nullable String window,
                 @Parameter(description = "inclusive; epoch millis or ISO-8601; default: 120 windows before to")
                 @QueryValue @Nullable String from,
                 @Parameter(description = "exclusive; epoch millis or ISO-8601; default: the end of the next window")
                 @QueryValue @Nullable String to) {
        return KpiJson.write(api.range(symbol, window, from, to));
    }

    @Get(uri = "/kpis/{symbol}/latest", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "The latest KPI window of a symbol")
    @ApiResponse(responseCode = "200", description = "the latest window", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KpiView.class)))
    @ApiResponse(responseCode = "404", description = "unknown symbol",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    String latest(@PathVariable String symbol,
                  @Parameter(description = "1m (default), 5m, 15m or 1h") @QueryValue @Nullable String window) {
        return KpiJson.write(api.latest(symbol, window));
    }

    @Get(uri = "/kpis", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "The latest KPI of every symbol")
    @ApiResponse(responseCode = "200", description = "one KPI per symbol, by symbol", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            array = @ArraySchema(schema = @Schema(implementation = KpiView.class))))
    @ApiResponse(responseCode = "400", description = "bad window",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    String latestAll(@Parameter(description = "1m (default), 5m, 15m or 1h") @QueryValue @Nullable String window) {
        return KpiJson.write(api.latestAll(window));
    }
}
