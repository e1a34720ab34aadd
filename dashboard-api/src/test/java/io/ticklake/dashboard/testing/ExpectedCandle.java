package io.ticklake.dashboard.testing;

import io.ticklake.schemas.StockTick;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a window's KPI must say about the ticks a test produced, computed here from the ticks
 * themselves (open/close by event time, high, low, volume, count, VWAP).
 */
public record ExpectedCandle(String symbol, Instant windowStart, double open, double high, double low, double close,
                             long volume, long tradeCount, double vwap) {

    /** The windows of {@code sizeMs} holding ticks of {@code symbol}, ascending. */
    public static List<ExpectedCandle> of(List<StockTick> ticks, String symbol, long sizeMs) {
        Map<Long, List<StockTick>> byWindow = ticks.stream().filter(tick -> tick.getSymbol().equals(symbol))
                .collect(Collectors.groupingBy(tick -> Math.floorDiv(tick.getEventTime().toEpochMilli(), sizeMs) * sizeMs,
                        TreeMap::new, Collectors.toList()));
        List<ExpectedCandle> candles = new ArrayList<>();
        byWindow.forEach((start, inWindow) -> {
            List<StockTick> ordered = inWindow.stream().sorted(Comparator.comparing(StockTick::getEventTime)).toList();
            long volume = ordered.stream().mapToLong(StockTick::getVolume).sum();
            double notional = ordered.stream().mapToDouble(tick -> tick.getPrice() * tick.getVolume()).sum();
            candles.add(new ExpectedCandle(symbol, Instant.ofEpochMilli(start), ordered.get(0).getPrice(),
                    ordered.stream().mapToDouble(StockTick::getPrice).max().orElseThrow(),
                    ordered.stream().mapToDouble(StockTick::getPrice).min().orElseThrow(),
                    ordered.get(ordered.size() - 1).getPrice(), volume, ordered.size(), notional / volume));
        });
        return candles;
    }
}
