package io.ticklake.dashboard.api;

import java.util.regex.Pattern;

/** The symbol alphabet of DESIGN.md ({@code [A-Z0-9.-]{1,12}}), checked wherever a client names a symbol. */
public final class SymbolParameter {

    public static final Pattern PATTERN = Pattern.compile("[A-Z0-9.\\-]{1,12}");

    private SymbolParameter() {
    }

    public static boolean isValid(String symbol) {
        return symbol != null && PATTERN.matcher(symbol).matches();
    }

    /** {@code symbol}, or 400 naming the path parameter. */
    public static String check(String symbol) {
        if (!isValid(symbol)) {
            throw new BadParameterException("symbol", "path parameter 'symbol' must be 1 to 12 of A-Z, 0-9, '.', '-',"
                    + " not '" + symbol + "'");
        }
        return symbol;
    }
}
