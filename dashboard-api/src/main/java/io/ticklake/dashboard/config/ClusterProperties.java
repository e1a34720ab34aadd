package io.ticklake.dashboard.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/**
 * {@code ticklake.cluster.*}: the secret the instances of one application share
 * ({@code TICKLAKE_CLUSTER_SECRET}). An instance sends it with every query it forwards, and answers the
 * forwarding paths ({@code /kpis/...}) only to a request that carries it; unset, forwarding between
 * instances is refused. Never logged.
 */
@ConfigurationProperties("ticklake.cluster")
public class ClusterProperties {

    private String secret;

    public Optional<String> getSecret() {
        return Optional.ofNullable(secret).filter(text -> !text.isBlank());
    }

    public void setSecret(@Nullable String secret) {
        this.secret = secret;
    }

    @Override
    public String toString() {
        return "ClusterProperties[secret not shown]";
    }
}
