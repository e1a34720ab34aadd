package io.ticklake.simulator.market;

import io.ticklake.simulator.tick.TickValidator;

/**
 * How one symbol trades in the simulated market.
 *
 * @param symbol           ticker, as the contract allows it
 * @param initialPrice     price at the start of the simulation
 * @param annualDrift      GBM drift μ per trading year (252 days of 6.5 hours)
 * @param annualVolatility GBM volatility σ per trading year
 * @param spreadBps        typical bid/ask spread in basis points of the price
 * @param activity         relative share of the market's ticks this symbol gets
 * @param minTradeSize     scale of the Pareto trade-size distribution: the smallest usual trade
 */
public record SymbolProfile(String symbol, double initialPrice, double annualDrift, double annualVolatility,
                            double spreadBps, double activity, int minTradeSize) {

    public SymbolProfile {
        if (!TickValidator.isValidSymbol(symbol)) {
            throw new IllegalArgumentException("symbol '" + symbol + "' does not match "
                    + TickValidator.SYMBOL.pattern());
        }
        requirePositive("initialPrice", initialPrice, symbol);
        requirePositive("activity", activity, symbol);
        requirePositive("spreadBps", spreadBps, symbol);
        if (!Double.isFinite(annualDrift)) {
            throw new IllegalArgumentException(symbol + ": annualDrift must be finite, was " + annualDrift);
        }
        if (!(annualVolatility >= 0) || !Double.isFinite(annualVolatility)) {
            throw new IllegalArgumentException(symbol + ": annualVolatility must be >= 0, was " + annualVolatility);
        }
        if (minTradeSize < 1) {
            throw new IllegalArgumentException(symbol + ": minTradeSize must be >= 1, was " + minTradeSize);
        }
    }

    private static void requirePositive(String name, double value, String symbol) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(symbol + ": " + name + " must be a finite number > 0, was " + value);
        }
    }
}
