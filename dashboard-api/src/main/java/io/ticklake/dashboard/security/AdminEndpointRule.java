package io.ticklake.dashboard.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Sensitive management endpoints ({@code /prometheus}, {@code /beans}, {@code /routes}, ...) answer the
 * admin role only, not every authenticated user as Micronaut's own rule would; the non-sensitive
 * health endpoint stays open (its details are shown to authenticated users only).
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
class AdminEndpointRule extends SensitiveEndpointRule {

    AdminEndpointRule(EndpointSensitivityProcessor endpointSensitivityProcessor) {
        super(endpointSensitivityProcessor);
    }

    @Override
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(HttpRequest<?> request,
                                                                      Authentication authentication,
                                                                      ExecutableMethod<?, ?> method) {
        return Publishers.just(authentication.getRoles().contains(Roles.ADMIN)
                ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }
}
