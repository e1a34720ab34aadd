package io.ticklake.streams.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.WindowKpi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * KPIs computed straight from a list of ticks, independently of the topology's candles: group the
 * ticks of each window, sort by (event time, sequence) keeping arrival order on ties, and apply the
 * README's definitions with two-pass arithmetic. Tests compare what the application emitted or
 * answers against this.
 */
public final class ExpectedKpis {

    private static final long MINUTE = 60_000L;

    private ExpectedKpis() {
    }

    /** Key of a KPI: {@code SYMBOL window start}. */
    public static String key(WindowKpi kpi) {
        return kpi.getSymbol() + " " + kpi.getWindow() + " " + kpi.getWindowStart();
    }

    /**
     * Every window's KPI over {@code ticks} (in arrival order), for {@code windows} (label to size
     * in ms); 1-minute KPIs carry the moving averages.
     */
    public static Map<String, WindowKpi> compute(List<StockTick> ticks, Map<String, Long> windows) {
        Map<String, List<StockTick>> groups = new TreeMap<>();
        Map<String, long[]> bounds = new LinkedHashMap<>();
        for (StockTick tick : ticks) {
            long time = tick.getEventTime().toEpochMilli();
            for (Map.Entry<String, Long> window : windows.entrySet()) {
                long start = Math.floorDiv(time, window.getValue()) * window.getValue();
                String key = tick.getSymbol() + " " + window.getKey() + " " + Instant.ofEpochMilli(start);
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(tick);
                bounds.put(key, new long[] {start, start + window.getValue()});
            }
        }
        Map<String, WindowKpi> kpis = new TreeMap<>();
        groups.forEach((key, group) -> {
            String[] parts = key.split(" ");
            long[] span = bounds.get(key);
            boolean minute = span[1] - span[0] == MINUTE;
            Double ma15 = minute ? meanPrice(ticks, parts[0], span[1] - 15 * MINUTE, span[1]) : null;
            Double ma1h = minute ? meanPrice(ticks, parts[0], span[1] - 60 * MINUTE, span[1]) : null;
            kpis.put(key, kpi(parts[0], parts[1], span[0], span[1], group, ma15, ma1h));
        });
        return kpis;
    }

    private static WindowKpi kpi(String symbol, String window, long start, long end, List<StockTick> group,
                                 Double ma15, Double ma1h) {
        List<StockTick> ordered = new ArrayList<>(group);
        ordered.sort(Comparator.comparing((StockTick t) -> t.getEventTime()).thenComparingLong(StockTick::getSequence));
        double sum = 0;
        double sumPriceVolume = 0;
        long volume = 0;
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        for (StockTick tick : ordered) {
            sum += tick.getPrice();
            sumPriceVolume += tick.getPrice() * tick.getVolume();
            volume += tick.getVolume();
            high = Math.max(high, tick.getPrice());
            low = Math.min(low, tick.getPrice());
        }
        double mean = sum / ordered.size();
        double squares = 0;
        for (StockTick tick : ordered) {
            squares += (tick.getPrice() - mean) * (tick.getPrice() - mean);
        }
        StockTick last = ordered.get(ordered.size() - 1);
        return WindowKpi.newBuilder().setSymbol(symbol).setWindow(window)
                .setWindowStart(Instant.ofEpochMilli(start)).setWindowEnd(Instant.ofEpochMilli(end))
                .setOpen(ordered.get(0).getPrice()).setHigh(high).setLow(low).setClose(last.getPrice())
                .setAvg(mean).setVwap(volume == 0 ? mean : sumPriceVolume / volume).setVolume(volume)
                .setTradeCount(ordered.size()).setStddev(Math.sqrt(squares / ordered.size()))
                .setLastEventTime(last.getEventTime()).setMa15m(ma15).setMa1h(ma1h).build();
    }

    private static Double meanPrice(List<StockTick> ticks, String symbol, long from, long to) {
        double sum = 0;
        long count = 0;
        for (StockTick tick : ticks) {
            long time = tick.getEventTime().toEpochMilli();
            if (tick.getSymbol().equals(symbol) && time >= from && time < to) {
                sum += tick.getPrice();
                count++;
            }
        }
        return count == 0 ? null : sum / count;
    }

    /** Asserts {@code actual} equals {@code expected}: exact counts, prices and times; 1e-9 relative on computed doubles. */
    public static void assertSameKpi(WindowKpi actual, WindowKpi expected) {
        String what = key(expected);
        assertThat(actual).as(what).isNotNull();
        assertThat(key(actual)).isEqualTo(what);
        assertThat(actual.getWindowEnd()).as(what + " end").isEqualTo(expected.getWindowEnd());
        assertThat(actual.getTradeCount()).as(what + " trade_count").isEqualTo(expected.getTradeCount());
        assertThat(actual.getVolume()).as(what + " volume").isEqualTo(expected.getVolume());
        assertThat(actual.getOpen()).as(what + " open").isEqualTo(expected.getOpen());
        assertThat(actual.getClose()).as(what + " close").isEqualTo(expected.getClose());
        assertThat(actual.getHigh()).as(what + " high").isEqualTo(expected.getHigh());
        assertThat(actual.getLow()).as(what + " low").isEqualTo(expected.getLow());
        assertThat(actual.getLastEventTime()).as(what + " last_event_time").isEqualTo(expected.getLastEventTime());
        close(what + " avg", actual.getAvg(), expected.getAvg());
        close(what + " vwap", actual.getVwap(), expected.getVwap());
        close(what + " stddev", actual.getStddev(), expected.getStddev());
        close(what + " ma_15m", actual.getMa15m(), expected.getMa15m());
        close(what + " ma_1h", actual.getMa1h(), expected.getMa1h());
    }

    private static void close(String what, Double actual, Double expected) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
            return;
        }
        assertThat(actual).as(what).isNotNull();
        assertThat(actual).as(what).isCloseTo(expected, within(1e-9 * Math.max(1.0, Math.abs(expected))));
    }
}
