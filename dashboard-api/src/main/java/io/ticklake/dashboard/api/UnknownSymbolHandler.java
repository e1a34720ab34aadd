package io.ticklake.dashboard.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** 404 naming the symbol. */
@Produces
@Singleton
class UnknownSymbolHandler implements ExceptionHandler<UnknownSymbolException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, UnknownSymbolException exception) {
        return HttpResponse.<ApiError>status(HttpStatus.NOT_FOUND).body(ApiError.of(exception.getMessage()));
    }
}
