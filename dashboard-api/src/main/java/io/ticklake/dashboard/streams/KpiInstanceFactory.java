package io.ticklake.dashboard.streams;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.ticklake.dashboard.config.ClusterProperties;
import io.ticklake.dashboard.config.PlatformProperties;
import io.ticklake.dashboard.config.StreamsProperties;
import io.ticklake.streams.host.KpiInstance;

/**
 * streams-app's {@link KpiInstance} as a bean: the one Kafka Streams host, configured from
 * {@code ticklake.*}. Created with the context, so that a bad configuration stops the start before
 * anything is served; {@link StreamsStarter} starts it once the HTTP port is known.
 */
@Factory
class KpiInstanceFactory {

    @Context
    @Bean(preDestroy = "close")
    KpiInstance kpiInstance(PlatformProperties platform, StreamsProperties properties, ClusterProperties cluster) {
        return new KpiInstance(properties.toStreamsConfig(platform, null), cluster.getSecret());
    }
}
