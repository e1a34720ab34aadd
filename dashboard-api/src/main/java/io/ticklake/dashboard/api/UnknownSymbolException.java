package io.ticklake.dashboard.api;

/** No tick of the symbol within the KPI history: 404. */
public final class UnknownSymbolException extends RuntimeException {

    public UnknownSymbolException(String symbol) {
        super("unknown symbol '" + symbol + "': no tick of it within the KPI history");
    }
}
