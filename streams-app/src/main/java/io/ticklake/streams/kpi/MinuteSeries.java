package io.ticklake.streams.kpi;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The 1-minute candles of one symbol over a span of minutes, read once from the window store; every
 * derived KPI (rollups, moving averages) is computed from it, both when KPIs are emitted and when
 * they are queried, so the two always agree.
 */
public final class MinuteSeries {

    private final long[] starts;
    private final Candle[] candles;

    private MinuteSeries(long[] starts, Candle[] candles) {
        this.starts = starts;
        this.candles = candles;
    }

    /** Candles of {@code symbol} whose window starts in {@code [fromStart, toStart]} (both inclusive). */
    public static MinuteSeries fetch(ReadOnlyWindowStore<String, ValueAndTimestamp<Candle>> store, String symbol,
                                     long fromStart, long toStart) {
        List<KeyValue<Long, ValueAndTimestamp<Candle>>> entries = StoreIterators.drain(
                store.fetch(symbol, Instant.ofEpochMilli(Math.max(0, fromStart)), Instant.ofEpochMilli(toStart)));
        long[] starts = new long[entries.size()];
        Candle[] candles = new Candle[entries.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = entries.get(i).key;
            candles[i] = entries.get(i).value.value();
        }
        return new MinuteSeries(starts, candles);
    }

    /**
     * One read covering everything a change of {@code symbol}'s minute at {@code minuteStart} touches:
     * the moving-average history of that minute and every window of {@code rollups} holding it.
     */
    public static MinuteSeries around(ReadOnlyWindowStore<String, ValueAndTimestamp<Candle>> store, String symbol,
                                      long minuteStart, List<KpiWindow> rollups) {
        long from = KpiFactory.historyStart(minuteStart);
        long to = minuteStart;
        for (KpiWindow window : rollups) {
            long windowStart = window.startOf(minuteStart);
            from = Math.min(from, windowStart);
            to = Math.max(to, windowStart + window.sizeMs() - KpiWindow.MINUTE_MS);
        }
        return fetch(store, symbol, from, to);
    }

    /** The candle of the minute starting at {@code start}, or null. */
    public Candle at(long start) {
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] == start) {
                return candles[i];
            }
        }
        return null;
    }

    /** All candles of minutes starting in {@code [fromStart, toStartExclusive)}, merged in time order (empty if none). */
    public Candle merge(long fromStart, long toStartExclusive) {
        Candle merged = Candle.empty();
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] >= fromStart && starts[i] < toStartExclusive) {
                merged.merge(candles[i]);
            }
        }
        return merged;
    }

    /** Mean trade price over the minutes starting in {@code [fromStart, toStartExclusive)}, or null if no trade. */
    public Double meanPrice(long fromStart, long toStartExclusive) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] >= fromStart && starts[i] < toStartExclusive) {
                sum += candles[i].sumPrice();
                count += candles[i].count();
            }
        }
        return count == 0 ? null : sum / count;
    }

    /** Window starts present, ascending. */
    public long[] starts() {
        return starts.clone();
    }
}
