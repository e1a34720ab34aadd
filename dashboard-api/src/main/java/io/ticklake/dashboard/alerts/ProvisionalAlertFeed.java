package io.ticklake.dashboard.alerts;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.ticklake.dashboard.push.PushHub;
import io.ticklake.schemas.Alert;
import io.ticklake.streams.host.KpiInstance;
import io.ticklake.streams.live.ProvisionalPublisher;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Pushes the hosted instance's provisional alerts (forwarded by its own tasks, handed over before their
 * transaction commits) to the WebSocket sessions subscribed to them, marked {@code "provisional": true}. The
 * committed copy of each follows through {@link AlertFeed}, confirmed; only that one enters the {@link AlertLog}
 * and {@code GET /api/alerts}, since an aborted transaction takes a provisional alert back.
 */
@Singleton
class ProvisionalAlertFeed implements ApplicationEventListener<ServerStartupEvent> {

    private final KpiInstance instance;
    private final PushHub hub;
    private ProvisionalPublisher.Registration registration;

    ProvisionalAlertFeed(KpiInstance instance, PushHub hub) {
        this.instance = instance;
        this.hub = hub;
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (registration == null && instance.config().alertsEnabled()) {
            registration = instance.addProvisionalAlertListener(this::publish);
        }
    }

    /** Runs on the instance's delivery thread; the hub only queues, so this never blocks it. */
    private void publish(List<Alert> alerts) {
        for (Alert alert : alerts) {
            hub.publishAlert(alert.getSymbol(), alert.getKind().name(), AvroJson.write(alert), true);
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
