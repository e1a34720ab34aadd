package io.ticklake.dashboard.streams;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/** Starts the hosted Kafka Streams once the server is bound, with the port it got (0 asks for any free one). */
@Singleton
class StreamsStarter implements ApplicationEventListener<ServerStartupEvent> {

    private final KpiStreams streams;

    StreamsStarter(KpiStreams streams) {
        this.streams = streams;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        streams.start(event.getSource().getPort());
    }
}
