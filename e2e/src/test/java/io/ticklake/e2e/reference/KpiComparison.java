package io.ticklake.e2e.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two sets of KPIs window by window as streams-app/README.md prescribes: counts, volumes,
 * prices (open, high, low, close) and times exactly; avg, VWAP, stddev and moving averages with a
 * relative tolerance of 1e-9 (summation order differs between implementations).
 */
public final class KpiComparison {

    static final double RELATIVE_TOLERANCE = 1e-9;
    private static final int SHOWN = 15;

    private KpiComparison() {
    }

    /** Every difference, one line each; empty when the two agree on every window. */
    public static List<String> differences(Map<WindowKey, Kpi> expected, Map<WindowKey, Kpi> actual,
                                           boolean movingAverages) {
        List<String> differences = new ArrayList<>();
        Set<WindowKey> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (WindowKey key : keys) {
            Kpi want = expected.get(key);
            Kpi got = actual.get(key);
            if (want == null) {
                differences.add(key + ": unexpected window " + got);
            } else if (got == null) {
                differences.add(key + ": missing window, expected " + want);
            } else {
                differences.addAll(fieldDifferences(key, want, got, movingAverages));
            }
        }
        return differences;
    }

    /** A failure message for {@link #differences}: how many, and the first ones. */
    public static String describe(String what, List<String> differences) {
        StringBuilder text = new StringBuilder(what).append(": ").append(differences.size()).append(" difference(s)");
        differences.stream().limit(SHOWN).forEach(d -> text.append("\n  ").append(d));
        if (differences.size() > SHOWN) {
            text.append("\n  ...");
        }
        return text.toString();
    }

    private static List<String> fieldDifferences(WindowKey key, Kpi want, Kpi got, boolean movingAverages) {
        List<String> out = new ArrayList<>();
        exact(out, key, "window_end", want.windowEnd(), got.windowEnd());
        exact(out, key, "trade_count", want.tradeCount(), got.tradeCount());
        exact(out, key, "volume", want.volume(), got.volume());
        exact(out, key, "open", want.open(), got.open());
        exact(out, key, "high", want.high(), got.high());
        exact(out, key, "low", want.low(), got.low());
        exact(out, key, "close", want.close(), got.close());
        exact(out, key, "last_event_time", want.lastEventTime(), got.lastEventTime());
        close(out, key, "avg", want.avg(), got.avg());
        close(out, key, "vwap", want.vwap(), got.vwap());
        // a stddev is compared at the scale of the prices it measures: near 0 a relative error means nothing
        closeAtScale(out, key, "stddev", want.stddev(), got.stddev(), want.avg());
        if (movingAverages) {
            closeNullable(out, key, "ma_15m", want.ma15m(), got.ma15m());
            closeNullable(out, key, "ma_1h", want.ma1h(), got.ma1h());
        }
        return out;
    }

    private static void exact(List<String> out, WindowKey key, String field, Object want, Object got) {
        if (!Objects.equals(want, got)) {
            out.add(key + " " + field + ": expected " + want + " but was " + got);
        }
    }

    private static void close(List<String> out, WindowKey key, String field, double want, double got) {
        closeAtScale(out, key, field, want, got, want);
    }

    private static void closeAtScale(List<String> out, WindowKey key, String field, double want, double got,
                                     double scale) {
        double bound = RELATIVE_TOLERANCE * Math.max(Math.max(Math.abs(want), Math.abs(got)), Math.abs(scale));
        if (!(Math.abs(want - got) <= bound)) {
            out.add(key + " " + field + ": expected " + want + " but was " + got);
        }
    }

    private static void closeNullable(List<String> out, WindowKey key, String field, Double want, Double got) {
        if (want == null || got == null) {
            exact(out, key, field, want, got);
        } else {
            close(out, key, field, want, got);
        }
    }
}
