package io.ticklake.dashboard.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import io.ticklake.streams.query.ForwardingPaths;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Reads the cluster secret another instance sends with a forwarded query
 * ({@link ForwardingPaths#CLUSTER_SECRET_HEADER}).
 */
@Singleton
class ClusterSecretReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return request.getHeaders().findFirst(ForwardingPaths.CLUSTER_SECRET_HEADER);
    }
}
