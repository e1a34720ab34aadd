package io.ticklake.dashboard.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.ticklake.dashboard.api.ApiError;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Micronaut Security's 401 and 403 (status, {@code WWW-Authenticate} challenge) with the API's one error
 * shape as the body, naming the {@code Authorization} header and what it takes.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class AuthorizationErrorHandler extends DefaultAuthorizationExceptionHandler {

    AuthorizationErrorHandler(ErrorResponseProcessor<?> errorResponseProcessor,
                              RedirectConfiguration redirectConfiguration, RedirectService redirectService,
                              List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challengeProviders,
                              @Nullable PriorToLoginPersistence priorToLoginPersistence) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, challengeProviders,
                priorToLoginPersistence);
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        MutableHttpResponse<?> response = super.handle(request, exception);
        String message = exception.isForbidden()
                ? "this user or token may not call " + request.getPath() + " (role viewer: KPIs, history, WebSocket;"
                        + " admin: metrics and management endpoints)"
                : "authentication required: HTTP Basic (user viewer or admin) or Authorization: Bearer <API token>";
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(new ApiError(message, "Authorization",
                null));
    }
}
