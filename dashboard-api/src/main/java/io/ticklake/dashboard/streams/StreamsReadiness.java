package io.ticklake.dashboard.streams;

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
 * Readiness ({@code /health/readiness}): DOWN until Kafka Streams is RUNNING with no state store
 * restoring, so a load balancer sends no queries to an instance that would answer 503.
 */
@Singleton
@Readiness
final class StreamsReadiness implements HealthIndicator {

    static final String NAME = "kafka-streams";

    private final KpiStreams streams;

    StreamsReadiness(KpiStreams streams) {
        this.streams = streams;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", streams.state().map(Enum::name).orElse("NOT_STARTED"));
        details.put("restoringPartitions", streams.restoringPartitions());
        HealthStatus status = streams.isReady() ? HealthStatus.UP : HealthStatus.DOWN;
        return Publishers.just(HealthResult.builder(NAME, status).details(details).build());
    }
}
