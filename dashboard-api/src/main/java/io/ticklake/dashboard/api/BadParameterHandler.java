package io.ticklake.dashboard.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** 400 with the parameter at fault. */
@Produces
@Singleton
class BadParameterHandler implements ExceptionHandler<BadParameterException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, BadParameterException exception) {
        return HttpResponse.badRequest(new ApiError(exception.getMessage(), exception.parameter(), null));
    }
}
