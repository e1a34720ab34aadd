package io.ticklake.bench.peers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Row;

/**
 * The Spark peer's result as a reader sees it: every micro-batch's updated 1-minute KPIs, applied on the
 * driver when the batch's output is delivered (what a memory sink would show). Keeps each symbol's newest
 * {@code last_event_time} (for latency probes) and each window's latest {@code trade_count} (in update mode
 * the last update of a window carries its final count, so their sum is the number of ticks aggregated).
 */
final class KpiBoard implements KpiVisibility {

    private final Map<String, Long> lastEventTime = new ConcurrentHashMap<>();
    private final Map<String, Long> tradeCounts = new ConcurrentHashMap<>();
    private final AtomicLong updates = new AtomicLong();

    void apply(List<Row> kpis) {
        for (Row kpi : kpis) {
            String symbol = kpi.getAs("symbol");
            Instant windowStart = kpi.getAs("window_start");
            Instant last = kpi.getAs("last_event_time");
            long count = kpi.<Long>getAs("trade_count");
            tradeCounts.put(symbol + "@" + windowStart, count);
            lastEventTime.merge(symbol, last.toEpochMilli(), Math::max);
        }
        updates.addAndGet(kpis.size());
    }

    @Override
    public long lastEventTime(String symbol) {
        return lastEventTime.getOrDefault(symbol, NONE);
    }

    /** Ticks counted in the windows seen so far. */
    long ticksAggregated() {
        return tradeCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    int windows() {
        return tradeCounts.size();
    }

    /** KPI rows delivered (a window updated in several batches counts each time). */
    long updates() {
        return updates.get();
    }
}
