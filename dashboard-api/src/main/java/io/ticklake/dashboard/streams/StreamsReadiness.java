package io.ticklake.dashboard.streams;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.ticklake.streams.host.KpiInstance;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Readiness ({@code /health/readiness}): the hosted instance's {@link KpiInstance#isReady()}, so a
 * load balancer sends no queries to an instance that would answer 503. The details also list the symbols whose
 * ticks arrive on more than one input partition ({@code splitSymbols}, symbol to partitions) and whether the
 * topology repartitions them ({@code repartitionBySymbol}).
 */
@Singleton
@Readiness
final class StreamsReadiness implements HealthIndicator {

    static final String NAME = "kafka-streams";

    private final KpiInstance instance;

    StreamsReadiness(KpiInstance instance) {
        this.instance = instance;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", instance.stateName());
        details.put("restoringPartitions", instance.restoringPartitions());
        // informational, not a readiness condition: such symbols are answered, see streams-app's README
        details.put("splitSymbols", instance.splitSymbols());
        details.put("repartitionBySymbol", instance.config().repartitionBySymbol());
        HealthStatus status = instance.isReady() ? HealthStatus.UP : HealthStatus.DOWN;
        return Publishers.just(HealthResult.builder(NAME, status).details(details).build());
    }
}
