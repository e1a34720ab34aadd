package io.ticklake.e2e.reference;

import io.ticklake.e2e.kafka.TickRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The test's own computation of the KPIs from ticks, written from the definitions in
 * streams-app/README.md and nothing else: epoch-aligned tumbling windows on event time; open/close
 * the first/last tick by (event_time, sequence), ties by Kafka offset; avg, VWAP (avg when no
 * volume), population stddev; moving averages over the symbol's ticks in the 15 min / 1 h before a
 * 1-minute window's end. Deliberately naive (two passes, no merging), so it shares no code path or
 * rounding strategy with the implementations it checks.
 */
public final class ReferenceKpis {

    /** Order within a window: event time, then sequence, then position in the partition. */
    static final Comparator<TickRecord> TICK_ORDER = Comparator.comparingLong(TickRecord::eventTimeMs)
            .thenComparingLong(t -> t.tick().getSequence()).thenComparingLong(TickRecord::offset);

    private static final long MINUTE_MS = 60_000;

    private ReferenceKpis() {
    }

    /** The KPI of every symbol and window of {@code size} that holds at least one of {@code ticks}. */
    public static Map<WindowKey, Kpi> compute(List<TickRecord> ticks, Duration size) {
        long sizeMs = size.toMillis();
        boolean movingAverages = sizeMs == MINUTE_MS;
        Map<String, List<TickRecord>> bySymbol = ticks.stream()
                .collect(Collectors.groupingBy(TickRecord::symbol, TreeMap::new, Collectors.toList()));
        Map<WindowKey, Kpi> kpis = new TreeMap<>();
        bySymbol.forEach((symbol, symbolTicks) -> {
            Map<Long, List<TickRecord>> byWindow = symbolTicks.stream().collect(Collectors.groupingBy(
                    t -> Math.floorDiv(t.eventTimeMs(), sizeMs) * sizeMs, TreeMap::new, Collectors.toList()));
            byWindow.forEach((start, windowTicks) -> {
                Kpi kpi = window(symbol, start, sizeMs, windowTicks,
                        movingAverages ? symbolTicks : null);
                kpis.put(kpi.key(), kpi);
            });
        });
        return kpis;
    }

    private static Kpi window(String symbol, long startMs, long sizeMs, List<TickRecord> ticks,
                              List<TickRecord> symbolHistory) {
        List<TickRecord> ordered = new ArrayList<>(ticks);
        ordered.sort(TICK_ORDER);
        int n = ordered.size();
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        double sumPrice = 0;
        double sumNotional = 0;
        long volume = 0;
        long last = Long.MIN_VALUE;
        for (TickRecord t : ordered) {
            double price = t.tick().getPrice();
            high = Math.max(high, price);
            low = Math.min(low, price);
            sumPrice += price;
            sumNotional += price * t.tick().getVolume();
            volume += t.tick().getVolume();
            last = Math.max(last, t.eventTimeMs());
        }
        double avg = sumPrice / n;
        double squares = 0;
        for (TickRecord t : ordered) {
            double deviation = t.tick().getPrice() - avg;
            squares += deviation * deviation;
        }
        double vwap = volume == 0 ? avg : sumNotional / volume;
        long endMs = startMs + sizeMs;
        Double ma15 = symbolHistory == null ? null : meanPrice(symbolHistory, endMs - 15 * MINUTE_MS, endMs);
        Double ma1h = symbolHistory == null ? null : meanPrice(symbolHistory, endMs - 60 * MINUTE_MS, endMs);
        return new Kpi(symbol, Instant.ofEpochMilli(startMs), Instant.ofEpochMilli(endMs),
                ordered.get(0).tick().getPrice(), high, low, ordered.get(n - 1).tick().getPrice(), avg, vwap, volume,
                n, Math.sqrt(squares / n), Instant.ofEpochMilli(last), ma15, ma1h);
    }

    private static double meanPrice(List<TickRecord> ticks, long fromMs, long toMs) {
        double sum = 0;
        long count = 0;
        for (TickRecord t : ticks) {
            if (t.eventTimeMs() >= fromMs && t.eventTimeMs() < toMs) {
                sum += t.tick().getPrice();
                count++;
            }
        }
        return sum / count;
    }
}
