package io.ticklake.dashboard.history;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.ticklake.dashboard.api.ApiError;
import jakarta.inject.Singleton;

/** 404 saying which model (or lake) is missing. */
@Produces
@Singleton
class ModelNotAvailableHandler implements ExceptionHandler<ModelNotAvailableException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ModelNotAvailableException exception) {
        return HttpResponse.<ApiError>status(HttpStatus.NOT_FOUND).body(ApiError.of(exception.getMessage()));
    }
}
