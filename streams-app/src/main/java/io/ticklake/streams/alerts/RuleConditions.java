package io.ticklake.streams.alerts;

import io.ticklake.schemas.AlertDirection;
import io.ticklake.schemas.AlertRule;
import io.ticklake.streams.kpi.Candle;
import java.util.Locale;
import java.util.Optional;

/**
 * The condition of each rule kind, as pure functions of the rule and what the evaluator tracked; empty when the
 * condition does not hold or cannot be decided yet (too little history). Cool-downs are applied by the caller.
 */
final class RuleConditions {

    private RuleConditions() {
    }

    /**
     * PRICE_CROSS: the previous price was on one side of {@code level}, this one is on it or past it. Up:
     * {@code previous < level <= price}; down: {@code previous > level >= price}.
     */
    static Optional<Decision> priceCross(AlertRule rule, String symbol, double previous, double price) {
        double level = rule.getLevel();
        boolean up = previous < level && price >= level;
        boolean down = previous > level && price <= level;
        if (!wanted(rule, up, down)) {
            return Optional.empty();
        }
        return Optional.of(new Decision(null, null, price, level, previous, 
                "%s crossed %s %s: %s after %s", symbol, number(level), up ? "upward" : "downward", number(price),
                number(previous)));
    }

    /**
     * PERCENT_MOVE: {@code (close - open) / open * 100} of the current window (this tick included) is at least
     * {@code level} upward, downward or either way.
     */
    static Optional<Decision> percentMove(AlertRule rule, String symbol, TrackedWindow track, double price) {
        Candle window = track.current();
        if (window.isEmpty() || window.open() <= 0) {
            return Optional.empty();
        }
        double move = (window.close() - window.open()) / window.open() * 100.0;
        double level = rule.getLevel();
        if (!wanted(rule, move >= level, -move >= level)) {
            return Optional.empty();
        }
        return Optional.of(new Decision(track.window().label(), track.start(), price, level, move,
                "%s moved %+.2f%% in the %s window (open %s, now %s; threshold %s%%)",
                symbol, move, track.window().label(), number(window.open()), number(price), number(level)));
    }

    /**
     * VOLATILITY_BAND: the price is outside {@code mean ± k·stddev} of the previous (last completed) window of
     * the rule's size; undecided while that window is unknown, has fewer than two ticks or no spread.
     */
    static Optional<Decision> volatilityBand(AlertRule rule, String symbol, TrackedWindow track, double price) {
        Candle previous = track.previous();
        if (!track.previousKnown() || previous.count() < 2 || previous.stddev() <= 0) {
            return Optional.empty();
        }
        double mean = previous.mean();
        double width = rule.getK() * previous.stddev();
        boolean up = price > mean + width;
        boolean down = price < mean - width;
        if (!wanted(rule, up, down)) {
            return Optional.empty();
        }
        double edge = up ? mean + width : mean - width;
        return Optional.of(new Decision(track.window().label(), track.start() - track.window().sizeMs(), price, edge,
                mean, "%s at %s is %s the %s band edge %s (mean %s ± %s × stddev %s)",
                symbol, number(price), up ? "above" : "below", track.window().label(), number(edge),
                number(mean), number(rule.getK()), number(previous.stddev())));
    }

    /**
     * VOLUME_SPIKE: the current window's volume (this tick included) is above {@code k} × the mean volume of the
     * last {@code lookback_windows} completed windows (empty windows count as 0); undecided until that many
     * windows were seen, or while their mean is 0.
     *
     * @param olderVolumes completed windows before the previous one, oldest first
     */
    static Optional<Decision> volumeSpike(AlertRule rule, String symbol, TrackedWindow track, long[] olderVolumes,
                                          double price) {
        int lookback = rule.getLookbackWindows();
        if (!track.previousKnown() || olderVolumes.length < lookback - 1) {
            return Optional.empty();
        }
        double sum = track.previous().volume();
        for (int i = olderVolumes.length - (lookback - 1); i < olderVolumes.length; i++) {
            sum += olderVolumes[i];
        }
        double mean = sum / lookback;
        double threshold = rule.getK() * mean;
        long volume = track.current().volume();
        if (mean <= 0 || volume <= threshold) {
            return Optional.empty();
        }
        return Optional.of(new Decision(track.window().label(), track.start(), price, threshold, (double) volume,
                "%s traded %d in the %s window, above %s × the mean %s of the last %d",
                symbol, volume, track.window().label(), number(rule.getK()), number(mean), lookback));
    }

    /** STALE_FEED: no tick for at least {@code stale_seconds} of wall-clock time. */
    static Optional<Decision> staleFeed(AlertRule rule, String symbol, long quietMs, double lastPrice) {
        long limitMs = rule.getStaleSeconds() * 1000L;
        if (quietMs < limitMs) {
            return Optional.empty();
        }
        return Optional.of(new Decision(null, null, lastPrice, (double) rule.getStaleSeconds(), quietMs / 1000.0,
                "no tick for %s for %d s (limit %d s)", symbol, quietMs / 1000, rule.getStaleSeconds()));
    }

    private static boolean wanted(AlertRule rule, boolean up, boolean down) {
        AlertDirection direction = rule.getDirection() == null ? AlertDirection.EITHER : rule.getDirection();
        return switch (direction) {
            case UP -> up;
            case DOWN -> down;
            case EITHER -> up || down;
        };
    }

    /** A number for a message, formatted only when the message is: six significant digits, no trailing zeros. */
    private static Object number(double value) {
        return new Shown(value);
    }

    private record Shown(double value) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.6g", value).replaceFirst("\\.?0+(e|$)", "$1");
        }
    }
}
