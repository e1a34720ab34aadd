package io.ticklake.dashboard.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.ticklake.streams.query.KpiUnavailableException;
import jakarta.inject.Singleton;

/**
 * 503 with {@code Retry-After} (whole seconds, at least 1) while Kafka Streams rebalances, restores,
 * has not started, or the owning instance cannot be reached; the body carries the hint in milliseconds.
 */
@Produces
@Singleton
class UnavailableHandler implements ExceptionHandler<KpiUnavailableException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, KpiUnavailableException exception) {
        long retryAfterMs = exception.retryAfter().toMillis();
        long seconds = Math.max(1, (retryAfterMs + 999) / 1000);
        return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(new ApiError(exception.getMessage(), null, retryAfterMs));
    }
}
