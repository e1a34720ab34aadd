package io.ticklake.dashboard.streams;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.ticklake.streams.host.KpiInstance;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;

/** Liveness ({@code /health/liveness}): the hosted instance's {@link KpiInstance#isAlive()}. */
@Singleton
@Liveness
final class StreamsLiveness implements HealthIndicator {

    private final KpiInstance instance;

    StreamsLiveness(KpiInstance instance) {
        this.instance = instance;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        HealthStatus status = instance.isAlive() ? HealthStatus.UP : HealthStatus.DOWN;
        return Publishers.just(HealthResult.builder(StreamsReadiness.NAME + "-alive", status)
                .details(Map.of("state", instance.stateName())).build());
    }
}
