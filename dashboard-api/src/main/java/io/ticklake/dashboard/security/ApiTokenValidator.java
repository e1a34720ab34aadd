package io.ticklake.dashboard.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import io.ticklake.schemas.security.Secrets;
import jakarta.inject.Singleton;
import java.util.List;
import org.reactivestreams.Publisher;

/**
 * Validates the bearer API tokens that Micronaut Security reads from {@code Authorization: Bearer}:
 * the admin token authenticates {@code api-admin} with the roles admin and viewer, the viewer token
 * {@code api-viewer} with the role viewer. Any other token authenticates nobody (401).
 */
@Singleton
class ApiTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final SecurityProperties properties;

    ApiTokenValidator(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (Secrets.matches(properties.getAdminToken(), token)) {
            return Publishers.just(Authentication.build("api-admin", List.of(Roles.ADMIN, Roles.VIEWER)));
        }
        if (Secrets.matches(properties.getViewerToken(), token)) {
            return Publishers.just(Authentication.build("api-viewer", List.of(Roles.VIEWER)));
        }
        return Publishers.empty();
    }
}
