package io.ticklake.dashboard.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.ticklake.dashboard.api.BadParameterException;
import io.ticklake.dashboard.api.SymbolParameter;
import io.ticklake.dashboard.api.TimeParameter;
import io.ticklake.dashboard.security.Roles;
import java.time.Duration;
import java.time.Instant;

/** The committed alerts this instance has read ({@link AlertLog}), newest last. */
@Controller("/api/alerts")
@Tag(name = "alerts")
@Secured(Roles.VIEWER)
class AlertController {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AlertLog log;

    AlertController(AlertLog log) {
        this.log = log;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Alerts whose event time lies in [from, to), by event time")
    @ApiResponse(responseCode = "400", description = "bad symbol, time or range; names the parameter")
    String alerts(@Parameter(description = "a symbol; default: every symbol") @QueryValue @Nullable String symbol,
                  @Parameter(description = "inclusive; epoch millis or ISO-8601; default: 24 hours before to")
                  @QueryValue @Nullable String from,
                  @Parameter(description = "exclusive; epoch millis or ISO-8601; default: now")
                  @QueryValue @Nullable String to) {
        Instant end = to == null || to.isBlank() ? Instant.now().plusMillis(1) : TimeParameter.parse("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(Duration.ofHours(AlertFeed.LOOKBACK_HOURS))
                : TimeParameter.parse("from", from);
        if (!start.isBefore(end)) {
            throw new BadParameterException("from", "'from' (" + start + ") must be before 'to' (" + end + ")");
        }
        String checked = symbol == null || symbol.isBlank() ? null : SymbolParameter.check(symbol);
        try {
            return MAPPER.writeValueAsString(log.find(checked, start, end).stream().map(AvroJson::write).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
