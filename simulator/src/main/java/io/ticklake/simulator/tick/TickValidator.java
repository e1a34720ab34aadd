package io.ticklake.simulator.tick;

import io.ticklake.schemas.StockTick;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code StockTick} contract of DESIGN.md: symbol {@code [A-Z0-9.\-]{1,12}}, price finite and
 * {@code > 0}, volume {@code >= 0}, bid/ask finite and positive when present, event time and source set.
 * Sources run every tick through it, so an invalid tick reaches {@code stock-ticks} only when the
 * invalid-injection mode puts it there on purpose.
 */
public final class TickValidator {

    /** Symbols as the contract allows them. */
    public static final Pattern SYMBOL = Pattern.compile("[A-Z0-9.\\-]{1,12}");
    private static final int MAX_SYMBOL_LENGTH = 12;

    private TickValidator() {
    }

    /** Why the tick breaks the contract, or empty when it is valid. */
    public static Optional<String> violation(StockTick tick) {
        if (!isValidSymbol(tick.getSymbol())) {
            return Optional.of("symbol '" + tick.getSymbol() + "' does not match " + SYMBOL.pattern());
        }
        if (!Double.isFinite(tick.getPrice()) || tick.getPrice() <= 0) {
            return Optional.of("price " + tick.getPrice() + " is not a finite number > 0");
        }
        if (tick.getVolume() < 0) {
            return Optional.of("volume " + tick.getVolume() + " is negative");
        }
        if (tick.getBid() != null && !(Double.isFinite(tick.getBid()) && tick.getBid() > 0)) {
            return Optional.of("bid " + tick.getBid() + " is not a finite number > 0");
        }
        if (tick.getAsk() != null && !(Double.isFinite(tick.getAsk()) && tick.getAsk() > 0)) {
            return Optional.of("ask " + tick.getAsk() + " is not a finite number > 0");
        }
        if (tick.getEventTime() == null) {
            return Optional.of("event_time is missing");
        }
        if (tick.getSource() == null || tick.getSource().isEmpty()) {
            return Optional.of("source is missing");
        }
        return Optional.empty();
    }

    public static boolean isValid(StockTick tick) {
        return violation(tick).isEmpty();
    }

    /**
     * Whether {@code symbol} matches {@link #SYMBOL}. A plain loop rather than the regex: this runs for
     * every tick, and the loop is several times cheaper.
     */
    public static boolean isValidSymbol(String symbol) {
        if (symbol == null || symbol.isEmpty() || symbol.length() > MAX_SYMBOL_LENGTH) {
            return false;
        }
        for (int i = 0; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
