package io.ticklake.dashboard.forwarding;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import io.ticklake.dashboard.api.KpiApi;
import io.ticklake.dashboard.security.Roles;
import io.ticklake.streams.host.ForwardingEndpoint;
import io.ticklake.streams.host.ForwardingResponse;
import io.ticklake.streams.host.KpiInstance;
import io.ticklake.streams.query.ForwardingPaths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * streams-app's forwarding paths on the Micronaut server, so that instances forward to each other:
 * only an adapter of the hosted instance's {@link ForwardingEndpoint}, which owns the paths'
 * parameters, JSON and status mapping. Internal: not in the OpenAPI document; answered only to another
 * instance of the cluster (the cluster secret, role {@link Roles#CLUSTER}), with the public API's range cap.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.CLUSTER)
class ForwardingController {

    private final ForwardingEndpoint endpoint;
    private final KpiApi api;

    ForwardingController(KpiInstance instance, KpiApi api) {
        this.endpoint = instance.forwarding();
        this.api = api;
    }

    @Get(uris = {ForwardingPaths.LOCAL_LATEST, ForwardingPaths.LOCAL_RANGE, ForwardingPaths.LOCAL_ALL,
            ForwardingPaths.LATEST, ForwardingPaths.RANGE, ForwardingPaths.ALL}, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> forward(HttpRequest<?> request) {
        Map<String, String> params = new HashMap<>();
        for (Map.Entry<String, List<String>> parameter : request.getParameters().asMap().entrySet()) {
            if (!parameter.getValue().isEmpty()) {
                params.put(parameter.getKey(), parameter.getValue().get(0));
            }
        }
        if (request.getPath().equals(ForwardingPaths.LOCAL_RANGE) || request.getPath().equals(ForwardingPaths.RANGE)) {
            api.checkForwardedRange(params.get(ForwardingPaths.WINDOW), params.get(ForwardingPaths.FROM),
                    params.get(ForwardingPaths.TO));
        }
        ForwardingResponse answer = endpoint.handle(request.getPath(), params);
        MutableHttpResponse<String> response = HttpResponse.<String>status(HttpStatus.valueOf(answer.status()))
                .contentType(ForwardingResponse.CONTENT_TYPE).body(answer.body());
        answer.retryAfterSeconds().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER,
                Long.toString(seconds)));
        return response;
    }
}
