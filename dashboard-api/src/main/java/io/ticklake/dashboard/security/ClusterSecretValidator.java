package io.ticklake.dashboard.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import io.ticklake.dashboard.config.ClusterProperties;
import io.ticklake.schemas.security.Secrets;
import jakarta.inject.Singleton;
import java.util.List;
import org.reactivestreams.Publisher;

/** The configured cluster secret authenticates another instance of the cluster, with the role cluster only. */
@Singleton
class ClusterSecretValidator implements TokenValidator<HttpRequest<?>> {

    private final ClusterProperties cluster;

    ClusterSecretValidator(ClusterProperties cluster) {
        this.cluster = cluster;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (Secrets.matches(cluster.getSecret(), token)) {
            return Publishers.just(Authentication.build("cluster-instance", List.of(Roles.CLUSTER)));
        }
        return Publishers.empty();
    }
}
