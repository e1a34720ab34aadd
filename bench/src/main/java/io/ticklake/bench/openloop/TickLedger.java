package io.ticklake.bench.openloop;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every tick offered, per symbol in send order: its intended send time and its 1-minute window. A
 * symbol's ticks go to one partition and are aggregated in order, so an answer showing {@code n} ticks
 * in window {@code w} shows every earlier tick of the symbol too: {@link #visiblePrefix} turns such an
 * answer into "the first k ticks of the symbol are visible".
 */
public final class TickLedger {

    private static final long MINUTE_MS = 60_000;

    private final Map<String, SymbolTicks> symbols = new ConcurrentHashMap<>();

    /** Records a tick before it is sent. */
    public void offered(String symbol, long eventTimeMs, long intendedNanos) {
        symbols.computeIfAbsent(symbol, s -> new SymbolTicks()).add(Math.floorDiv(eventTimeMs, MINUTE_MS) * MINUTE_MS,
                intendedNanos);
    }

    /** How many of {@code symbol}'s ticks an answer of {@code tradeCount} ticks in the window at {@code windowStartMs} shows. */
    public int visiblePrefix(String symbol, long windowStartMs, long tradeCount) {
        SymbolTicks ticks = symbols.get(symbol);
        return ticks == null ? 0 : ticks.prefix(windowStartMs, tradeCount);
    }

    /** The intended send time of {@code symbol}'s {@code index}-th tick. */
    public long intendedNanos(String symbol, int index) {
        return symbols.get(symbol).intended(index);
    }

    /** Ticks offered for every symbol together. */
    public long offeredTotal() {
        long offered = 0;
        for (SymbolTicks ticks : symbols.values()) {
            offered += ticks.size();
        }
        return offered;
    }

    /** One symbol's ticks; its windows only ever move forward. */
    private static final class SymbolTicks {
        private long[] intended = new long[1024];
        private long[] windows = new long[16];
        private int[] firstIndex = new int[16];
        private int windowCount;
        private int size;

        synchronized void add(long windowStartMs, long intendedNanos) {
            if (windowCount == 0 || windows[windowCount - 1] != windowStartMs) {
                if (windowCount == windows.length) {
                    windows = Arrays.copyOf(windows, windowCount * 2);
                    firstIndex = Arrays.copyOf(firstIndex, windowCount * 2);
                }
                windows[windowCount] = windowStartMs;
                firstIndex[windowCount++] = size;
            }
            if (size == intended.length) {
                intended = Arrays.copyOf(intended, size * 2);
            }
            intended[size++] = intendedNanos;
        }

        synchronized int prefix(long windowStartMs, long tradeCount) {
            int window = Arrays.binarySearch(windows, 0, windowCount, windowStartMs);
            if (window < 0) {
                return 0; // a window this run never offered a tick to (an earlier run's): shows nothing of ours
            }
            int end = window + 1 < windowCount ? firstIndex[window + 1] : size;
            return (int) Math.min(end, firstIndex[window] + tradeCount);
        }

        synchronized long intended(int index) {
            return intended[index];
        }

        synchronized int size() {
            return size;
        }
    }
}
