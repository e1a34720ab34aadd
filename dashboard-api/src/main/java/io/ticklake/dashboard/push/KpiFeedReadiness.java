package io.ticklake.dashboard.push;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Readiness ({@code /health/readiness}, component {@value #NAME}): DOWN while the {@link KpiFeed} cannot
 * read the KPI topic (broker unreachable, topic missing, not started), so an instance whose WebSocket
 * would push no confirmed KPIs takes no new clients.
 */
@Singleton
@Readiness
final class KpiFeedReadiness implements HealthIndicator {

    static final String NAME = "kpi-feed";

    private final KpiFeed feed;

    KpiFeedReadiness(KpiFeed feed) {
        this.feed = feed;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        FeedStatus status = feed.status();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", status.reason());
        details.put("since", status.since().toString());
        if (status.error() != null) {
            details.put("error", status.error().toString());
        }
        return Publishers.just(HealthResult.builder(NAME, status.reading() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details).build());
    }
}
