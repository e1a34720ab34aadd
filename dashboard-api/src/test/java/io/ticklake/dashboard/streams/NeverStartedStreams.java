package io.ticklake.dashboard.streams;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.ticklake.dashboard.config.PlatformProperties;
import io.ticklake.dashboard.config.StreamsProperties;
import io.ticklake.streams.host.KpiInstance;
import jakarta.inject.Singleton;

/**
 * In the {@value #ENVIRONMENT} environment the hosted Kafka Streams is built but never started, so the
 * instance stays "not ready" for as long as a test needs it to.
 */
@Singleton
@Replaces(StreamsStarter.class)
@Requires(env = NeverStartedStreams.ENVIRONMENT)
public class NeverStartedStreams extends StreamsStarter {

    public static final String ENVIRONMENT = "streams-never-started";

    NeverStartedStreams(KpiInstance instance, PlatformProperties platform, StreamsProperties properties) {
        super(instance, platform, properties);
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        // stays before start: every query answers 503
    }
}
