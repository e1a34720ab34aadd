package io.ticklake.streams.alerts;

import io.ticklake.schemas.contract.AlertRuleContract;
import io.ticklake.streams.kpi.KpiWindow;
import java.util.List;

/**
 * What the alerts keep per symbol (store {@link AlertTopology#SYMBOL_STATE_STORE}): the newest tick by
 * {@code (event_time, sequence)}, the wall-clock time the latest tick was processed (for stale feeds), and one
 * {@link TrackedWindow} per rule window (1m, 5m, 15m, 1h). Mutable, like {@code Candle}: updated in place.
 */
final class SymbolState {

    /** The windows a rule may name, in {@link AlertRuleContract#WINDOWS} order. */
    static final List<KpiWindow> WINDOWS = AlertRuleContract.WINDOWS.stream().map(KpiWindow::parse).toList();

    long lastEventTime = TrackedWindow.NONE;
    long lastSequence;
    double lastPrice;
    long lastSeenWallMs;
    final TrackedWindow[] windows;

    SymbolState() {
        windows = new TrackedWindow[WINDOWS.size()];
        for (int i = 0; i < windows.length; i++) {
            windows[i] = new TrackedWindow(WINDOWS.get(i));
        }
    }

    /** Whether a tick at {@code (eventTime, sequence)} is the symbol's newest (ties go to the later one, as for a close). */
    boolean isNewest(long eventTime, long sequence) {
        return lastEventTime == TrackedWindow.NONE || eventTime > lastEventTime
                || (eventTime == lastEventTime && sequence >= lastSequence);
    }

    /** Whether a tick was seen before. */
    boolean hasLastPrice() {
        return lastEventTime != TrackedWindow.NONE;
    }

    /** The track of {@code label} (one of {@link AlertRuleContract#WINDOWS}). */
    TrackedWindow window(String label) {
        return windows[AlertRuleContract.WINDOWS.indexOf(label)];
    }

    /** Price of the newest tick. */
    double lastPrice() {
        return lastPrice;
    }

    /** Event time of the newest tick. */
    long lastEventTime() {
        return lastEventTime;
    }

    /** Wall-clock time the latest tick of the symbol was processed. */
    long lastSeenWallMs() {
        return lastSeenWallMs;
    }
}
