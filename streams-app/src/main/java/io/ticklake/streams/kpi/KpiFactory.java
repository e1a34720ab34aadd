package io.ticklake.streams.kpi;

import io.ticklake.schemas.WindowKpi;
import java.time.Instant;

/**
 * Builds {@link WindowKpi}s from candles: the 1-minute KPI with its moving averages, and the rollup
 * of a larger window from its minutes. The definitions (README "KPI definitions") live here only.
 */
public final class KpiFactory {

    /** Span of {@code ma_15m}: the mean price over [window_end - 15 min, window_end). */
    public static final long MA_15M_MS = 15 * KpiWindow.MINUTE_MS;
    /** Span of {@code ma_1h}: the mean price over [window_end - 1 h, window_end). */
    public static final long MA_1H_MS = KpiWindow.HOUR_MS;

    private KpiFactory() {
    }

    /** First minute {@link #minute} needs from the series for the minute starting at {@code start}. */
    public static long historyStart(long start) {
        return start + KpiWindow.MINUTE_MS - MA_1H_MS;
    }

    /**
     * The KPI of the minute starting at {@code start}, with its moving averages; null when the
     * series has no candle for that minute. The series must cover {@code [historyStart(start), start]}.
     */
    public static WindowKpi minute(String symbol, long start, MinuteSeries series) {
        Candle candle = series.at(start);
        if (candle == null || candle.isEmpty()) {
            return null;
        }
        long end = start + KpiWindow.MINUTE_MS;
        return build(symbol, KpiWindow.ONE_MINUTE, start, candle,
                series.meanPrice(end - MA_15M_MS, end), series.meanPrice(end - MA_1H_MS, end));
    }

    /**
     * The KPI of {@code window} starting at {@code windowStart}: its minutes merged; null when none
     * has a trade. The series must cover the window's minutes.
     */
    public static WindowKpi rollup(String symbol, KpiWindow window, long windowStart, MinuteSeries series) {
        Candle merged = series.merge(windowStart, windowStart + window.sizeMs());
        if (merged.isEmpty()) {
            return null;
        }
        return build(symbol, window, windowStart, merged, null, null);
    }

    private static WindowKpi build(String symbol, KpiWindow window, long start, Candle candle, Double ma15m,
                                   Double ma1h) {
        return WindowKpi.newBuilder()
                .setSymbol(symbol)
                .setWindow(window.label())
                .setWindowStart(Instant.ofEpochMilli(start))
                .setWindowEnd(Instant.ofEpochMilli(start + window.sizeMs()))
                .setOpen(candle.open())
                .setHigh(candle.high())
                .setLow(candle.low())
                .setClose(candle.close())
                .setAvg(candle.mean())
                .setVwap(candle.vwap())
                .setVolume(candle.volume())
                .setTradeCount(candle.count())
                .setStddev(candle.stddev())
                .setLastEventTime(Instant.ofEpochMilli(candle.lastEventTime()))
                .setMa15m(ma15m)
                .setMa1h(ma1h)
                .build();
    }
}
