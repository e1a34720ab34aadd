package io.ticklake.simulator.replay;

import java.time.Duration;
import java.time.Instant;

/**
 * An OHLCV bar of one symbol covering {@code [start, start + length)}.
 *
 * @param line the CSV line it came from
 */
public record Bar(String symbol, Instant start, Duration length, double open, double high, double low, double close,
                  long volume, long line) implements ReplayEvent {

    public Bar {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("bar length must be positive, was " + length);
        }
    }

    @Override
    public Instant time() {
        return start;
    }

    /**
     * Why the bar is inconsistent (high below open/close, low above them, non-positive prices, negative
     * volume), or null when it is a proper bar.
     */
    public static String inconsistency(double open, double high, double low, double close, long volume) {
        double[] prices = {open, high, low, close};
        String[] names = {"open", "high", "low", "close"};
        for (int i = 0; i < prices.length; i++) {
            if (!Double.isFinite(prices[i]) || prices[i] <= 0) {
                return names[i] + " " + prices[i] + " is not a finite number > 0";
            }
        }
        if (high < Math.max(open, close)) {
            return "high " + high + " is below " + (open > close ? "open " + open : "close " + close);
        }
        if (low > Math.min(open, close)) {
            return "low " + low + " is above " + (open < close ? "open " + open : "close " + close);
        }
        if (volume < 0) {
            return "volume " + volume + " is negative";
        }
        return null;
    }
}
