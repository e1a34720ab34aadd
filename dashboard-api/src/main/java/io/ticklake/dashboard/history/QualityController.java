package io.ticklake.dashboard.history;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import io.ticklake.dashboard.api.ApiError;
import io.ticklake.dashboard.security.Roles;
import java.util.List;

/** The lake's data quality per symbol and hour, from the analytics model data_quality_hourly. */
@Controller("/api/quality")
@Tag(name = "history")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.VIEWER)
class QualityController {

    private final QualityApi quality;

    QualityController(QualityApi quality) {
        this.quality = quality;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Ticks landed, duplicates, gaps, out-of-order and late ticks and ingest latency per symbol"
            + " and hour (model data_quality_hourly)")
    @ApiResponse(responseCode = "200", description = "the rows of the hours starting in [from, to), by hour and"
            + " symbol; default: the last 24 hours, at most 744")
    @ApiResponse(responseCode = "400", description = "bad time or range; names the parameter",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "no lake, or the model has no files yet",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    List<QualityView> hourly(
            @Parameter(description = "inclusive; epoch millis, ISO-8601 instant or date") @QueryValue @Nullable String from,
            @Parameter(description = "exclusive; epoch millis, ISO-8601 instant or date") @QueryValue @Nullable String to) {
        return quality.hourly(from, to);
    }
}
