package io.ticklake.simulator.market;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The default market: a dozen large US equities with rough real-world prices, volatilities and
 * activity. Symbols outside this list get a generic profile derived from the symbol itself, so a
 * given symbol list always simulates the same way.
 */
public final class DefaultSymbols {

    private static final Map<String, SymbolProfile> KNOWN = new LinkedHashMap<>();

    static {
        add("AAPL", 190.0, 0.10, 0.25, 1.0, 10, 20);
        add("MSFT", 415.0, 0.12, 0.22, 1.0, 8, 10);
        add("NVDA", 120.0, 0.25, 0.50, 1.2, 14, 30);
        add("AMZN", 185.0, 0.12, 0.30, 1.2, 8, 20);
        add("GOOGL", 170.0, 0.10, 0.28, 1.2, 7, 20);
        add("META", 500.0, 0.14, 0.35, 1.5, 6, 10);
        add("TSLA", 250.0, 0.15, 0.60, 1.5, 12, 20);
        add("BRK.B", 410.0, 0.08, 0.16, 2.0, 2, 5);
        add("JPM", 200.0, 0.08, 0.20, 1.5, 4, 10);
        add("V", 275.0, 0.09, 0.18, 1.5, 3, 10);
        add("UNH", 520.0, 0.07, 0.22, 2.0, 3, 5);
        add("XOM", 115.0, 0.05, 0.24, 1.5, 4, 20);
    }

    private DefaultSymbols() {
    }

    private static void add(String symbol, double price, double drift, double volatility, double spreadBps,
                            double activity, int minTradeSize) {
        KNOWN.put(symbol, new SymbolProfile(symbol, price, drift, volatility, spreadBps, activity, minTradeSize));
    }

    /** The default symbols, in a fixed order. */
    public static List<String> symbols() {
        return List.copyOf(KNOWN.keySet());
    }

    /** Profiles of the default symbols. */
    public static List<SymbolProfile> profiles() {
        return List.copyOf(KNOWN.values());
    }

    /** Profiles for any list of symbols (upper-cased); unknown symbols get {@link #genericProfile}. */
    public static List<SymbolProfile> profilesFor(List<String> symbols) {
        List<SymbolProfile> profiles = new ArrayList<>(symbols.size());
        for (String raw : symbols) {
            String symbol = raw.trim().toUpperCase(Locale.ROOT);
            profiles.add(KNOWN.getOrDefault(symbol, genericProfile(symbol)));
        }
        return profiles;
    }

    /**
     * A plausible profile for a symbol we know nothing about: a price between 20 and 500 picked by the
     * symbol's hash (stable across JVMs), moderate drift and volatility.
     */
    public static SymbolProfile genericProfile(String symbol) {
        int bucket = Math.floorMod(symbol.hashCode(), 481);
        return new SymbolProfile(symbol, 20.0 + bucket, 0.08, 0.30, 2.0, 3, 10);
    }
}
