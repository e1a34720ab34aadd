package io.ticklake.schemas.contract;

import io.ticklake.schemas.AlertKind;
import io.ticklake.schemas.AlertRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules an {@code alert-rules} value must keep to be evaluated: what the REST API checks before writing a
 * rule, and what the streams app checks again before using one (a rule written by another producer that breaks
 * them is ignored there, logged). Pure: no I/O, every violation reported at once with its field.
 *
 * <p>Per kind (fields a kind does not use are ignored):
 * <ul>
 *   <li>every rule: {@code rule_id} not blank; {@code symbol} is {@code *} or a tick symbol
 *       ({@link StockTickContract#SYMBOL}); {@code cooldown_ms} &gt;= 0;</li>
 *   <li>{@code PRICE_CROSS}: {@code level} finite and &gt; 0;</li>
 *   <li>{@code PERCENT_MOVE}: {@code level} (percent) finite and &gt; 0, {@code window} one of {@link #WINDOWS};</li>
 *   <li>{@code VOLATILITY_BAND}: {@code window}, {@code k} finite and &gt; 0;</li>
 *   <li>{@code VOLUME_SPIKE}: {@code window}, {@code k} finite and &gt; 0, {@code lookback_windows} from 1 to
 *       {@link #MAX_LOOKBACK_WINDOWS};</li>
 *   <li>{@code STALE_FEED}: {@code stale_seconds} &gt;= 1.</li>
 * </ul>
 */
public final class AlertRuleContract {

    /** Symbol value of a rule that applies to every symbol. */
    public static final String ANY_SYMBOL = "*";
    /** The windows a rule may name: those the KPIs are computed over. */
    public static final List<String> WINDOWS = List.of("1m", "5m", "15m", "1h");
    /** Most completed windows a volume spike may average over; bounds the volume history kept per symbol. */
    public static final int MAX_LOOKBACK_WINDOWS = 100;

    private static final Set<AlertKind> WINDOWED = Set.of(AlertKind.PERCENT_MOVE, AlertKind.VOLATILITY_BAND,
            AlertKind.VOLUME_SPIKE);

    private AlertRuleContract() {
    }

    /** Every violation of {@code rule}, in field order; empty when it can be evaluated. */
    public static List<RuleViolation> violations(AlertRule rule) {
        List<RuleViolation> found = new ArrayList<>();
        if (rule.getRuleId() == null || rule.getRuleId().isBlank()) {
            found.add(new RuleViolation("rule_id", "must not be blank"));
        }
        String symbol = rule.getSymbol();
        if (symbol == null || !(symbol.equals(ANY_SYMBOL) || StockTickContract.SYMBOL.matcher(symbol).matches())) {
            found.add(new RuleViolation("symbol", "'" + symbol + "' is neither " + ANY_SYMBOL + " nor a symbol of "
                    + StockTickContract.SYMBOL.pattern()));
        }
        AlertKind kind = rule.getKind();
        if (kind == null) {
            found.add(new RuleViolation("kind", "is required: one of " + List.of(AlertKind.values())));
            return found;
        }
        if (kind == AlertKind.PRICE_CROSS || kind == AlertKind.PERCENT_MOVE) {
            requirePositive(found, "level", rule.getLevel(), kind == AlertKind.PRICE_CROSS ? "the price level"
                    : "the move in percent");
        }
        if (WINDOWED.contains(kind) && (rule.getWindow() == null || !WINDOWS.contains(rule.getWindow()))) {
            found.add(new RuleViolation("window", rule.getWindow() == null ? "is required for " + kind + ": one of "
                    + WINDOWS : "unknown window '" + rule.getWindow() + "': one of " + WINDOWS));
        }
        if (kind == AlertKind.VOLATILITY_BAND || kind == AlertKind.VOLUME_SPIKE) {
            requirePositive(found, "k", rule.getK(), kind == AlertKind.VOLATILITY_BAND
                    ? "the band half-width in standard deviations" : "the multiple of the mean volume");
        }
        if (kind == AlertKind.VOLUME_SPIKE) {
            Integer lookback = rule.getLookbackWindows();
            if (lookback == null || lookback < 1 || lookback > MAX_LOOKBACK_WINDOWS) {
                found.add(new RuleViolation("lookback_windows", "must be from 1 to " + MAX_LOOKBACK_WINDOWS
                        + " completed windows, not " + lookback));
            }
        }
        if (kind == AlertKind.STALE_FEED && (rule.getStaleSeconds() == null || rule.getStaleSeconds() < 1)) {
            found.add(new RuleViolation("stale_seconds", "must be at least 1 for " + kind + ", not "
                    + rule.getStaleSeconds()));
        }
        if (rule.getCooldownMs() < 0) {
            found.add(new RuleViolation("cooldown_ms", "must be at least 0, not " + rule.getCooldownMs()));
        }
        return found;
    }

    /** Whether {@code rule} applies to {@code symbol}: its own symbol or {@link #ANY_SYMBOL}. */
    public static boolean appliesTo(AlertRule rule, String symbol) {
        return rule.getSymbol().equals(ANY_SYMBOL) || rule.getSymbol().equals(symbol);
    }

    private static void requirePositive(List<RuleViolation> found, String field, Double value, String meaning) {
        if (value == null || !Double.isFinite(value) || value <= 0) {
            found.add(new RuleViolation(field, "must be a finite number above 0 (" + meaning + "), not " + value));
        }
    }
}
