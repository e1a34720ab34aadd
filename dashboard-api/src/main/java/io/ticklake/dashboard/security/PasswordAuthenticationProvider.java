package io.ticklake.dashboard.security;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import io.ticklake.schemas.security.Secrets;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The users of HTTP Basic (read by Micronaut Security's basic-auth fetcher): {@code admin} (roles
 * admin and viewer) and {@code viewer}, each with the password configured for it.
 */
@Singleton
class PasswordAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {

    static final String VIEWER_USER = "viewer";
    static final String ADMIN_USER = "admin";

    private final SecurityProperties properties;

    PasswordAuthenticationProvider(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                                        @NonNull AuthenticationRequest<String, String> credentials) {
        String user = credentials.getIdentity();
        String password = credentials.getSecret();
        if (ADMIN_USER.equals(user) && Secrets.matches(properties.getAdminPassword(), password)) {
            return AuthenticationResponse.success(ADMIN_USER, List.of(Roles.ADMIN, Roles.VIEWER));
        }
        if (VIEWER_USER.equals(user) && Secrets.matches(properties.getViewerPassword(), password)) {
            return AuthenticationResponse.success(VIEWER_USER, List.of(Roles.VIEWER));
        }
        return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
}
