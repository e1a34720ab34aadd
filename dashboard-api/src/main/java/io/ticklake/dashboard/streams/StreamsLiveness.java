package io.ticklake.dashboard.streams;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Liveness ({@code /health/liveness}): DOWN once Kafka Streams has failed or stopped on its own, so
 * that the process is restarted; a rebalance or a restore keeps it alive.
 */
@Singleton
@Liveness
final class StreamsLiveness implements HealthIndicator {

    private final KpiStreams streams;

    StreamsLiveness(KpiStreams streams) {
        this.streams = streams;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        HealthStatus status = streams.isAlive() ? HealthStatus.UP : HealthStatus.DOWN;
        return Publishers.just(HealthResult.builder(StreamsReadiness.NAME + "-alive", status)
                .details(Map.of("state", streams.state().map(Enum::name).orElse("NOT_STARTED"))).build());
    }
}
