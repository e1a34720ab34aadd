package io.ticklake.streams.live;

import io.ticklake.schemas.Alert;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the alerts the stream threads put in {@link ProvisionalAlerts} to in-process listeners, ahead of their
 * exactly-once commit. A delivery thread of its own waits on the sink and wakes when an alert arrives, so the
 * hand-off takes microseconds, not a polling interval: alerts are rare and each is wanted at once, unlike the
 * KPI rounds of {@link ProvisionalPublisher}, whose coalescing needs an interval.
 *
 * <p>Alerts are recorded only while the thread runs and a listener is registered.
 */
public final class ProvisionalAlertPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisionalAlertPublisher.class);
    /** How long a wait lasts before the thread checks whether it was closed (close also interrupts it). */
    private static final long WAIT_MS = 1_000;

    private final ProvisionalAlerts alerts;
    private final List<ProvisionalAlertListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong published = new AtomicLong();
    private Thread delivery;
    private volatile boolean closed;

    public ProvisionalAlertPublisher(ProvisionalAlerts alerts) {
        this.alerts = alerts;
    }

    /** Adds a listener; once the delivery thread runs, alerts are recorded for it. */
    public synchronized ProvisionalPublisher.Registration subscribe(ProvisionalAlertListener listener) {
        listeners.add(listener);
        updateRecording();
        return () -> unsubscribe(listener);
    }

    private synchronized void unsubscribe(ProvisionalAlertListener listener) {
        listeners.remove(listener);
        updateRecording();
    }

    /** Record only when something delivers and someone listens: never fill the sink for nothing. */
    private void updateRecording() {
        alerts.enabled(delivery != null && !closed && !listeners.isEmpty());
    }

    /** Starts the delivery thread (a daemon). A second call is ignored. */
    public synchronized void start() {
        if (delivery != null || closed) {
            return;
        }
        delivery = new Thread(this::deliverUntilClosed, "ticklake-provisional-alerts");
        delivery.setDaemon(true);
        delivery.start();
        updateRecording();
    }

    private void deliverUntilClosed() {
        while (!closed) {
            try {
                deliver(alerts.take(WAIT_MS));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the thread must outlive any one batch
                LOG.warn("Delivering provisional alerts failed", e);
            }
        }
    }

    /**
     * Hands {@code batch} to every listener; returns how many alerts were handed over. The delivery thread calls
     * it; tests call it directly.
     */
    int deliver(List<Alert> batch) {
        if (batch.isEmpty() || listeners.isEmpty()) {
            return 0;
        }
        List<Alert> handed = List.copyOf(batch);
        for (ProvisionalAlertListener listener : listeners) {
            try {
                listener.onProvisional(handed);
            } catch (RuntimeException e) {
                LOG.warn("A provisional alert listener failed; it stays registered", e);
            }
        }
        published.addAndGet(handed.size());
        return handed.size();
    }

    /** Alerts handed to the listeners so far (each counted once, whatever the number of listeners). */
    public long publishedCount() {
        return published.get();
    }

    /** Alerts dropped because the sink was full (see {@link ProvisionalAlerts}). */
    public long droppedCount() {
        return alerts.dropped();
    }

    /** Stops the delivery thread; listeners get nothing more. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            updateRecording();
            running = delivery;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
