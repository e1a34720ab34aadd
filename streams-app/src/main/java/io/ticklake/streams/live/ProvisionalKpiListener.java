package io.ticklake.streams.live;

import io.ticklake.schemas.WindowKpi;
import java.util.List;

/**
 * Receives provisional KPIs: the current value of windows this instance owns, read from its state
 * stores shortly after a tick changed them and before that change is committed. They are not final:
 * a transaction that aborts (a crash, a fenced instance) takes them back, and the committed
 * {@code stock-kpis} record of the same window is what counts. Only for an in-process consumer (a
 * push to browsers), never for anything that must be exact.
 */
@FunctionalInterface
public interface ProvisionalKpiListener {

    /**
     * One round's KPIs, at most one per (symbol, window, window start). Called on the publisher's thread:
     * it must not block (hand the values over and return); while it runs, further changes coalesce.
     */
    void onProvisional(List<WindowKpi> kpis);
}
