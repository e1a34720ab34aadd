package io.ticklake.dashboard.forwarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import io.ticklake.dashboard.api.BadParameterException;
import io.ticklake.dashboard.streams.KpiStreams;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.query.ForwardingPaths;
import io.ticklake.streams.query.KpiJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * streams-app's forwarding contract ({@link ForwardingPaths}, JSON of {@link KpiJson}), so that
 * instances forward to each other: {@code /kpis/local/*} answer from this instance's stores only,
 * {@code /kpis/*} are the routed queries. 404 means "no KPI", 400 a bad request, 503 with
 * {@code Retry-After} "unavailable, retry". Internal: not in the OpenAPI document.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ForwardingController {

    private final KpiStreams streams;

    ForwardingController(KpiStreams streams) {
        this.streams = streams;
    }

    @Get(uri = ForwardingPaths.LOCAL_LATEST, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> localLatest(@QueryValue @Nullable String symbol, @QueryValue @Nullable String window,
                                     @QueryValue @Nullable String partition, @QueryValue @Nullable String stale) {
        return one(() -> streams.queries().localLatest(required(ForwardingPaths.SYMBOL, symbol),
                required(ForwardingPaths.WINDOW, window), optionalInt(ForwardingPaths.PARTITION, partition),
                Boolean.parseBoolean(stale)));
    }

    @Get(uri = ForwardingPaths.LOCAL_RANGE, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> localRange(@QueryValue @Nullable String symbol, @QueryValue @Nullable String window,
                                    @QueryValue @Nullable String from, @QueryValue @Nullable String to,
                                    @QueryValue @Nullable String partition, @QueryValue @Nullable String stale) {
        return many(() -> streams.queries().localRange(required(ForwardingPaths.SYMBOL, symbol),
                required(ForwardingPaths.WINDOW, window), instant(ForwardingPaths.FROM, from),
                instant(ForwardingPaths.TO, to), optionalInt(ForwardingPaths.PARTITION, partition),
                Boolean.parseBoolean(stale)));
    }

    @Get(uri = ForwardingPaths.LOCAL_ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> localAll(@QueryValue @Nullable String window, @QueryValue @Nullable String partitions,
                                  @QueryValue @Nullable String stale) {
        Set<Integer> parsed;
        try {
            parsed = Arrays.stream(required(ForwardingPaths.PARTITIONS, partitions).split(",")).map(String::trim)
                    .filter(part -> !part.isEmpty()).map(Integer::valueOf).collect(Collectors.toSet());
        } catch (NumberFormatException e) {
            throw new BadParameterException(ForwardingPaths.PARTITIONS,
                    "query parameter 'partitions' must be comma-separated numbers, not '" + partitions + "'");
        }
        return many(() -> streams.queries().localLatestAll(required(ForwardingPaths.WINDOW, window), parsed,
                Boolean.parseBoolean(stale)));
    }

    @Get(uri = ForwardingPaths.LATEST, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> latest(@QueryValue @Nullable String symbol, @QueryValue @Nullable String window) {
        return one(() -> streams.queries().latest(required(ForwardingPaths.SYMBOL, symbol),
                required(ForwardingPaths.WINDOW, window)));
    }

    @Get(uri = ForwardingPaths.RANGE, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> range(@QueryValue @Nullable String symbol, @QueryValue @Nullable String window,
                               @QueryValue @Nullable String from, @QueryValue @Nullable String to) {
        return many(() -> streams.queries().range(required(ForwardingPaths.SYMBOL, symbol),
                required(ForwardingPaths.WINDOW, window), instant(ForwardingPaths.FROM, from),
                instant(ForwardingPaths.TO, to)));
    }

    @Get(uri = ForwardingPaths.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> all(@QueryValue @Nullable String window) {
        return many(() -> streams.queries().latestAll(required(ForwardingPaths.WINDOW, window)));
    }

    private static HttpResponse<String> one(Supplier<Optional<WindowKpi>> query) {
        return rejectingBadArguments(query).map(kpi -> HttpResponse.ok(KpiJson.write(kpi)))
                .orElseGet(() -> HttpResponse.<String>status(HttpStatus.NOT_FOUND)
                        .body(KpiJson.error("no KPI for this symbol and window", null)));
    }

    private static HttpResponse<String> many(Supplier<List<WindowKpi>> query) {
        return HttpResponse.ok(KpiJson.write(rejectingBadArguments(query)));
    }

    /** The query service rejects bad arguments with IllegalArgumentException: a 400 here. */
    private static <T> T rejectingBadArguments(Supplier<T> query) {
        try {
            return query.get();
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(null, e.getMessage());
        }
    }

    private static String required(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new BadParameterException(name, "query parameter '" + name + "' is required");
        }
        return value;
    }

    private static Integer optionalInt(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "query parameter '" + name + "' must be a number, not '" + value
                    + "'");
        }
    }

    private static Instant instant(String name, @Nullable String value) {
        String text = required(name, value);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "query parameter '" + name + "' must be an ISO-8601 instant such as"
                    + " 2026-01-02T03:04:05Z, not '" + text + "'");
        }
    }
}
