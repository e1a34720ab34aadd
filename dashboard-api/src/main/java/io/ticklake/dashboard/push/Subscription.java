package io.ticklake.dashboard.push;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a WebSocket session receives: per window size, a set of symbols, where {@value #ALL_SYMBOLS}
 * stands for every symbol. Immutable; {@link #plus} and {@link #minus} return the changed copy.
 */
public final class Subscription {

    /** The wildcard symbol. */
    public static final String ALL_SYMBOLS = "*";
    public static final Subscription NONE = new Subscription(Map.of());

    private final Map<String, Set<String>> symbolsByWindow;

    private Subscription(Map<String, Set<String>> symbolsByWindow) {
        this.symbolsByWindow = symbolsByWindow;
    }

    /** True when an update of {@code symbol} in {@code window} goes to this session. */
    public boolean matches(String symbol, String window) {
        Set<String> symbols = symbolsByWindow.get(window);
        return symbols != null && (symbols.contains(symbol) || symbols.contains(ALL_SYMBOLS));
    }

    /** Adds every symbol for every window. */
    public Subscription plus(Collection<String> symbols, Collection<String> windows) {
        Map<String, Set<String>> copy = mutableCopy();
        for (String window : windows) {
            copy.computeIfAbsent(window, w -> new TreeSet<>()).addAll(symbols);
        }
        return new Subscription(freeze(copy));
    }

    /** Removes every symbol from every window (the wildcard only removes the wildcard). */
    public Subscription minus(Collection<String> symbols, Collection<String> windows) {
        Map<String, Set<String>> copy = mutableCopy();
        for (String window : windows) {
            Set<String> current = copy.get(window);
            if (current != null) {
                current.removeAll(symbols);
                if (current.isEmpty()) {
                    copy.remove(window);
                }
            }
        }
        return new Subscription(freeze(copy));
    }

    /** Distinct symbols over every window ({@code *} counts as one). */
    public int symbolCount() {
        Set<String> all = new HashSet<>();
        symbolsByWindow.values().forEach(all::addAll);
        return all.size();
    }

    public boolean isEmpty() {
        return symbolsByWindow.isEmpty();
    }

    /** Window to symbols, sorted: what the {@code subscribed} frame shows. */
    public Map<String, Set<String>> asMap() {
        return symbolsByWindow;
    }

    private Map<String, Set<String>> mutableCopy() {
        Map<String, Set<String>> copy = new TreeMap<>();
        symbolsByWindow.forEach((window, symbols) -> copy.put(window, new TreeSet<>(symbols)));
        return copy;
    }

    private static Map<String, Set<String>> freeze(Map<String, Set<String>> map) {
        Map<String, Set<String>> frozen = new TreeMap<>();
        map.forEach((window, symbols) -> frozen.put(window, Collections.unmodifiableSet(symbols)));
        return Collections.unmodifiableMap(frozen);
    }

    @Override
    public String toString() {
        return symbolsByWindow.toString();
    }
}
