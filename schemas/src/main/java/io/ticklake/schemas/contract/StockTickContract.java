package io.ticklake.schemas.contract;

import io.ticklake.schemas.StockTick;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value rules of a {@link StockTick} that do not depend on the clock: a symbol of
 * {@code [A-Z0-9.\-]{1,12}}, a finite price above 0 and a volume of at least 0. Every writer of the
 * lake checks them, so a decodable but invalid tick reaches the dead-letter queue, never the lake.
 */
public final class StockTickContract {

    public static final Pattern SYMBOL = Pattern.compile("[A-Z0-9.\\-]{1,12}");

    private StockTickContract() {
    }

    /** The first rule {@code tick} breaks, or empty when it keeps them all. */
    public static Optional<String> violation(StockTick tick) {
        String symbol = tick.getSymbol();
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            return Optional.of("symbol '" + symbol + "' does not match " + SYMBOL.pattern());
        }
        double price = tick.getPrice();
        if (!Double.isFinite(price) || price <= 0) {
            return Optional.of("price " + price + " is not a finite number above 0");
        }
        if (tick.getVolume() < 0) {
            return Optional.of("volume " + tick.getVolume() + " is negative");
        }
        return Optional.empty();
    }
}
