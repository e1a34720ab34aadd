package io.ticklake.streams.query;

import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.kpi.Candle;
import io.ticklake.streams.kpi.KpiFactory;
import io.ticklake.streams.kpi.KpiWindow;
import io.ticklake.streams.kpi.MinuteSeries;
import io.ticklake.streams.kpi.StoreIterators;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The three queries over one partition's stores (the 1-minute candles and the symbol index),
 * computing rollups and moving averages from the minutes exactly as {@code KpiEmitter} does. Works
 * on any store view: a running instance's interactive-query stores or a test driver's.
 */
public final class KpiViews {

    private final ReadOnlyWindowStore<String, ValueAndTimestamp<Candle>> candles;
    private final ReadOnlyKeyValueStore<String, Long> symbols;

    public KpiViews(ReadOnlyWindowStore<String, ValueAndTimestamp<Candle>> candles,
                    ReadOnlyKeyValueStore<String, Long> symbols) {
        this.candles = candles;
        this.symbols = symbols;
    }

    /** The KPI of the latest window of {@code window}'s size in which {@code symbol} traded (within the history). */
    public Optional<WindowKpi> latest(String symbol, KpiWindow window) {
        Long minute = symbols.get(symbol);
        if (minute == null) {
            return Optional.empty();
        }
        if (window.equals(KpiWindow.ONE_MINUTE)) {
            MinuteSeries series = MinuteSeries.fetch(candles, symbol, KpiFactory.historyStart(minute), minute);
            return Optional.ofNullable(KpiFactory.minute(symbol, minute, series));
        }
        long windowStart = window.startOf(minute);
        MinuteSeries series = MinuteSeries.fetch(candles, symbol, windowStart,
                windowStart + window.sizeMs() - KpiWindow.MINUTE_MS);
        return Optional.ofNullable(KpiFactory.rollup(symbol, window, windowStart, series));
    }

    /** KPIs of {@code symbol} for every window of {@code window}'s size starting in [fromMs, toMs), ascending. */
    public List<WindowKpi> range(String symbol, KpiWindow window, long fromMs, long toMs) {
        List<WindowKpi> kpis = new ArrayList<>();
        if (fromMs >= toMs) {
            return kpis;
        }
        if (window.equals(KpiWindow.ONE_MINUTE)) {
            MinuteSeries series = MinuteSeries.fetch(candles, symbol, KpiFactory.historyStart(fromMs), toMs - 1);
            for (long start : series.starts()) {
                if (start >= fromMs && start < toMs) {
                    kpis.add(KpiFactory.minute(symbol, start, series));
                }
            }
            return kpis;
        }
        long firstWindow = window.startOf(fromMs);
        long lastWindow = window.startOf(toMs - 1);
        MinuteSeries series = MinuteSeries.fetch(candles, symbol, firstWindow,
                lastWindow + window.sizeMs() - KpiWindow.MINUTE_MS);
        long previous = Long.MIN_VALUE;
        for (long start : series.starts()) {
            long windowStart = window.startOf(start);
            if (windowStart != previous && windowStart >= fromMs && windowStart < toMs) {
                kpis.add(KpiFactory.rollup(symbol, window, windowStart, series));
            }
            previous = windowStart;
        }
        return kpis;
    }

    /**
     * The KPIs of every window holding {@code symbol}'s minute at {@code minuteStart}: the 1-minute KPI
     * with its moving averages, then each of {@code rollups}, as the emitter writes them in update mode.
     */
    public List<WindowKpi> around(String symbol, long minuteStart, List<KpiWindow> rollups) {
        MinuteSeries series = MinuteSeries.around(candles, symbol, minuteStart, rollups);
        List<WindowKpi> kpis = new ArrayList<>();
        WindowKpi minute = KpiFactory.minute(symbol, minuteStart, series);
        if (minute != null) {
            kpis.add(minute);
        }
        for (KpiWindow window : rollups) {
            WindowKpi rollup = KpiFactory.rollup(symbol, window, window.startOf(minuteStart), series);
            if (rollup != null) {
                kpis.add(rollup);
            }
        }
        return kpis;
    }

    /** The latest KPI of every symbol of this partition, by symbol. */
    public List<WindowKpi> latestAll(KpiWindow window) {
        List<WindowKpi> kpis = new ArrayList<>();
        for (KeyValue<String, Long> known : StoreIterators.drain(symbols.all())) {
            latest(known.key, window).ifPresent(kpis::add);
        }
        kpis.sort(Comparator.comparing(WindowKpi::getSymbol));
        return kpis;
    }
}
