package io.ticklake.streams.host;

import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.query.ForwardingPaths;
import io.ticklake.streams.query.KpiJson;
import io.ticklake.streams.query.KpiQueries;
import io.ticklake.streams.query.KpiUnavailableException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forwarding HTTP contract ({@link ForwardingPaths}, JSON of {@link KpiJson}) as a plain function
 * of path and query parameters, so that every web layer (the standalone runner's JDK server,
 * dashboard-api's Micronaut controller) only adapts it. {@code /kpis/local/*} answer from this
 * instance's stores, {@code /kpis/*} are the routed queries.
 *
 * <p>Status mapping: 200 with a KPI or an array of KPIs; 404 when there is no KPI for the symbol and
 * window, or for an unknown path; 400 for a bad or missing parameter (named in {@code parameter} when
 * it is one of ours); 503 with {@code Retry-After} (whole seconds, at least 1) and the exact hint in
 * {@code retry_after_ms} while the instance starts, rebalances, restores or the owner cannot be
 * reached; 500 for anything else.
 */
public final class ForwardingEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(ForwardingEndpoint.class);

    private final Supplier<? extends KpiQueries> queries;

    /** {@code queries} may throw {@link KpiUnavailableException}, e.g. while the instance has not started. */
    public ForwardingEndpoint(Supplier<? extends KpiQueries> queries) {
        this.queries = queries;
    }

    /** Answers a {@code GET} of {@code path} with the (decoded) query parameters {@code params}. */
    public ForwardingResponse handle(String path, Map<String, String> params) {
        try {
            return switch (path) {
                case ForwardingPaths.LOCAL_LATEST -> localLatest(params);
                case ForwardingPaths.LOCAL_RANGE -> localRange(params);
                case ForwardingPaths.LOCAL_ALL -> localAll(params);
                case ForwardingPaths.LATEST -> latest(params);
                case ForwardingPaths.RANGE -> range(params);
                case ForwardingPaths.ALL -> all(params);
                default -> ForwardingResponse.of(404, KpiJson.error("no such path: " + path, null));
            };
        } catch (KpiUnavailableException e) {
            long retryAfterMs = e.retryAfter().toMillis();
            return new ForwardingResponse(503, KpiJson.error(e.getMessage(), retryAfterMs),
                    OptionalLong.of(Math.max(1, (retryAfterMs + 999) / 1000)));
        } catch (BadParameterException e) {
            return ForwardingResponse.of(400, KpiJson.error(e.getMessage(), e.parameter, null));
        } catch (IllegalArgumentException e) {
            // the query service's own checks (unknown window, from not before to), or another instance's 400
            return ForwardingResponse.of(400, KpiJson.error(e.getMessage(), null));
        } catch (RuntimeException e) {
            LOG.warn("KPI query {} {} failed", path, params, e);
            return ForwardingResponse.of(500, KpiJson.error(e.toString(), null));
        }
    }

    private ForwardingResponse localLatest(Map<String, String> params) {
        return one(queries.get().localLatest(required(params, ForwardingPaths.SYMBOL),
                required(params, ForwardingPaths.WINDOW), optionalInt(params, ForwardingPaths.PARTITION),
                stale(params)));
    }

    private ForwardingResponse localRange(Map<String, String> params) {
        return many(queries.get().localRange(required(params, ForwardingPaths.SYMBOL),
                required(params, ForwardingPaths.WINDOW), instant(params, ForwardingPaths.FROM),
                instant(params, ForwardingPaths.TO), optionalInt(params, ForwardingPaths.PARTITION), stale(params)));
    }

    private ForwardingResponse localAll(Map<String, String> params) {
        return many(queries.get().localLatestAll(required(params, ForwardingPaths.WINDOW), partitions(params),
                stale(params)));
    }

    private ForwardingResponse latest(Map<String, String> params) {
        return one(queries.get().latest(required(params, ForwardingPaths.SYMBOL),
                required(params, ForwardingPaths.WINDOW)));
    }

    private ForwardingResponse range(Map<String, String> params) {
        return many(queries.get().range(required(params, ForwardingPaths.SYMBOL),
                required(params, ForwardingPaths.WINDOW), instant(params, ForwardingPaths.FROM),
                instant(params, ForwardingPaths.TO)));
    }

    private ForwardingResponse all(Map<String, String> params) {
        return many(queries.get().latestAll(required(params, ForwardingPaths.WINDOW)));
    }

    private static ForwardingResponse one(Optional<WindowKpi> kpi) {
        return kpi.map(value -> ForwardingResponse.of(200, KpiJson.write(value)))
                .orElseGet(() -> ForwardingResponse.of(404, KpiJson.error("no KPI for this symbol and window", null)));
    }

    private static ForwardingResponse many(List<WindowKpi> kpis) {
        return ForwardingResponse.of(200, KpiJson.write(kpis));
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw new BadParameterException(name, "query parameter '" + name + "' is required");
        }
        return value;
    }

    private static Integer optionalInt(Map<String, String> params, String name) {
        String value = params.get(name);
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

    private static Instant instant(Map<String, String> params, String name) {
        String value = required(params, name);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "query parameter '" + name + "' must be an ISO-8601 instant such as"
                    + " 2026-01-02T03:04:05Z, not '" + value + "'");
        }
    }

    private static Set<Integer> partitions(Map<String, String> params) {
        String value = required(params, ForwardingPaths.PARTITIONS);
        try {
            return Arrays.stream(value.split(",")).map(String::trim).filter(part -> !part.isEmpty())
                    .map(Integer::valueOf).collect(Collectors.toSet());
        } catch (NumberFormatException e) {
            throw new BadParameterException(ForwardingPaths.PARTITIONS, "query parameter '"
                    + ForwardingPaths.PARTITIONS + "' must be comma-separated numbers, not '" + value + "'");
        }
    }

    private static boolean stale(Map<String, String> params) {
        return Boolean.parseBoolean(params.getOrDefault(ForwardingPaths.STALE, "false"));
    }

    /** A parameter of ours that is missing or malformed: the 400 names it. */
    private static final class BadParameterException extends IllegalArgumentException {

        private final String parameter;

        BadParameterException(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }
    }
}
