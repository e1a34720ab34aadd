package io.ticklake.dashboard.push;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.schemas.serde.SpecificAvroSerde;
import io.ticklake.streams.host.KpiInstance;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads every KPI update from {@code stock-kpis} as it is committed ({@link CommittedTopicFeed}: an aborted
 * update is never pushed, a broker outage is retried, never the end) and hands it to the {@link PushHub}.
 * Every instance reads all partitions from their end, so a client connected to any instance gets every
 * symbol; state for a new client comes from the REST API.
 */
@Singleton
public class KpiFeed implements ApplicationEventListener<ServerStartupEvent> {

    private final KpiInstance instance;
    private final PushHub hub;
    private final Timer pushDelay;
    private CommittedTopicFeed<WindowKpi> feed;

    public KpiFeed(KpiInstance instance, PushHub hub, MeterRegistry meters) {
        this.instance = instance;
        this.hub = hub;
        this.pushDelay = Timer.builder("ticklake.kpi.push.delay")
                .description("From the event time of a KPI's latest tick to its hand-over to the WebSocket sessions")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (feed != null) {
            return;
        }
        SpecificAvroSerde<WindowKpi> values = new SpecificAvroSerde<>();
        values.configure(instance.config().serdeConfig(), false);
        feed = new CommittedTopicFeed<>("kpi-feed", instance.config().kpisTopic(), instance.config(),
                values.deserializer(), CommittedTopicFeed.StartPosition.END, this::push);
        feed.start();
    }

    private void push(ConsumerRecord<String, WindowKpi> record) {
        hub.publish(record.value(), false);
        pushDelay.record(Math.max(0, System.currentTimeMillis() - record.value().getLastEventTime().toEpochMilli()),
                TimeUnit.MILLISECONDS);
    }

    /** Whether the feed reads {@code stock-kpis} now, and if not, why. */
    public FeedStatus status() {
        CommittedTopicFeed<WindowKpi> current = feed;
        return current == null ? FeedStatus.down("not started", null) : current.status();
    }

    @PreDestroy
    synchronized void stop() {
        if (feed != null) {
            feed.stop();
        }
    }
}
