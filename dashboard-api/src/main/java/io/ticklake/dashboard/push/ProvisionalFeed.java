package io.ticklake.dashboard.push;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.host.KpiInstance;
import io.ticklake.streams.live.ProvisionalPublisher;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Hands the hosted instance's provisional KPIs (windows of its own partitions, read before their
 * transaction commits, within about {@code ticklake.live.interval.ms} of a tick) to the {@link PushHub}
 * as provisional updates. The committed value of each window follows through {@link KpiFeed}; a client
 * treats only that one as final.
 */
@Singleton
public class ProvisionalFeed implements ApplicationEventListener<ServerStartupEvent> {

    private final KpiInstance instance;
    private final PushHub hub;
    private final Timer pushDelay;
    private ProvisionalPublisher.Registration registration;

    public ProvisionalFeed(KpiInstance instance, PushHub hub, MeterRegistry meters) {
        this.instance = instance;
        this.hub = hub;
        this.pushDelay = Timer.builder("ticklake.kpi.provisional.push.delay")
                .description("From the event time of a provisional KPI's latest tick to its hand-over to the"
                        + " WebSocket sessions")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (registration == null) {
            registration = instance.addProvisionalListener(this::publish);
        }
    }

    /** Runs on the instance's provisional thread; the hub only queues, so this never blocks it. */
    private void publish(List<WindowKpi> kpis) {
        long now = System.currentTimeMillis();
        for (WindowKpi kpi : kpis) {
            hub.publish(kpi, true);
            pushDelay.record(Math.max(0, now - kpi.getLastEventTime().toEpochMilli()), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (registration != null) {
            registration.close();
            registration = null;
        }
    }
}
