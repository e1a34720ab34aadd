package io.ticklake.streams.live;

import io.ticklake.schemas.Alert;
import java.util.List;

/**
 * Receives provisional alerts: alerts this instance's tasks forwarded to the alerts topic, handed over before
 * their transaction commits. They are not final: a transaction that aborts (a crash, a fenced instance) takes
 * them back, and only an alert committed to {@code stock-alerts} is confirmed. Only for an in-process consumer
 * (a push to browsers), never for anything that must be exact.
 */
@FunctionalInterface
public interface ProvisionalAlertListener {

    /**
     * Alerts in the order they were forwarded (per stream thread). Called on the delivery thread: it must not
     * block (hand the alerts over and return); while it runs, further alerts wait in the bounded sink.
     */
    void onProvisional(List<Alert> alerts);
}
