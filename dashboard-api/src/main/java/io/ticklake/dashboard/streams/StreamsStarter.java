package io.ticklake.dashboard.streams;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.ticklake.dashboard.config.PlatformProperties;
import io.ticklake.dashboard.config.StreamsProperties;
import io.ticklake.streams.host.KpiInstance;
import jakarta.inject.Singleton;

/**
 * Starts the hosted Kafka Streams once the server is bound, with the port it got (-1 asks for any
 * free one) in {@code application.server}, so other instances forward to where this one listens.
 */
@Singleton
class StreamsStarter implements ApplicationEventListener<ServerStartupEvent> {

    private final KpiInstance instance;
    private final PlatformProperties platform;
    private final StreamsProperties properties;

    StreamsStarter(KpiInstance instance, PlatformProperties platform, StreamsProperties properties) {
        this.instance = instance;
        this.platform = platform;
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        instance.start(properties.toStreamsConfig(platform, event.getSource().getPort()));
    }
}
