package io.ticklake.bench.peers;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Where an engine's windowed KPIs can be read: what a dashboard would see of a symbol right now. */
interface KpiVisibility {

    /** Sentinel of {@link #lastEventTime}: no KPI visible (yet) or the engine cannot answer now. */
    long NONE = Long.MIN_VALUE;

    /** {@code last_event_time} (epoch ms) of the symbol's latest visible 1-minute KPI, or {@link #NONE}. */
    long lastEventTime(String symbol);

    /** The same for several symbols; an engine with a cheaper bulk read overrides it. */
    default Map<String, Long> lastEventTimes(Collection<String> symbols) {
        Map<String, Long> times = new HashMap<>();
        for (String symbol : symbols) {
            times.put(symbol, lastEventTime(symbol));
        }
        return times;
    }
}
