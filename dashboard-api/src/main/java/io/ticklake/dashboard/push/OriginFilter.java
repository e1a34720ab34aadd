package io.ticklake.dashboard.push;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.ticklake.dashboard.config.PushProperties;
import java.net.URI;
import java.util.Locale;

/**
 * Refuses (403) a {@code /ws/kpis} handshake whose {@code Origin} is neither the server's own (the
 * {@code Host} the request was sent to) nor one of {@code ticklake.push.allowed-origins}: a page of another
 * site cannot open the WebSocket with the credentials the browser keeps for this one. A request without
 * {@code Origin} (not from a browser page) is left to authentication.
 */
@ServerFilter("/ws/**")
class OriginFilter {

    private final PushProperties properties;

    OriginFilter(PushProperties properties) {
        this.properties = properties;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> checkOrigin(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null || allowed(origin, request.getHeaders().get(HttpHeaders.HOST))) {
            return null;
        }
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body("{\"error\":\"origin not allowed: set ticklake.push.allowed-origins to accept it\","
                        + "\"parameter\":\"Origin\"}");
    }

    private boolean allowed(String origin, @Nullable String host) {
        String normalized = origin.toLowerCase(Locale.ROOT);
        if (properties.getAllowedOrigins().stream().anyMatch(allowed -> allowed.toLowerCase(Locale.ROOT)
                .equals(normalized))) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            return host != null && uri.getRawAuthority() != null
                    && uri.getRawAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
