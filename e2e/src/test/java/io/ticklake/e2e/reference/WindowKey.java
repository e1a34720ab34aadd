package io.ticklake.e2e.reference;

import java.time.Instant;

/** One symbol's window, by its start. */
public record WindowKey(String symbol, Instant start) implements Comparable<WindowKey> {

    @Override
    public int compareTo(WindowKey other) {
        int bySymbol = symbol.compareTo(other.symbol);
        return bySymbol != 0 ? bySymbol : start.compareTo(other.start);
    }

    @Override
    public String toString() {
        return symbol + "@" + start;
    }
}
