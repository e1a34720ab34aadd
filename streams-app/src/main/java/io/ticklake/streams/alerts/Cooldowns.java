package io.ticklake.streams.alerts;

import io.ticklake.schemas.AlertRule;
import io.ticklake.schemas.contract.AlertRuleContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * When each rule last fired for each symbol (store {@link AlertTopology#LAST_FIRED_STORE}, key
 * {@code SYMBOL|rule_id}): event time for the tick-driven kinds, wall-clock time for STALE_FEED. Bounded by
 * rules × symbols of the task: entries of rules deleted, disabled or moved to another symbol are swept after a
 * rule change.
 */
final class Cooldowns {

    private final KeyValueStore<String, Long> store;

    Cooldowns(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    /** When {@code rule} last fired for {@code symbol}, or null. */
    Long lastFired(AlertRule rule, String symbol) {
        return store.get(key(symbol, rule.getRuleId()));
    }

    /** Whether {@code rule} may fire for {@code symbol} at {@code time}: never fired, or its cool-down has passed. */
    boolean allows(AlertRule rule, String symbol, long time) {
        Long last = lastFired(rule, symbol);
        return last == null || time - last >= rule.getCooldownMs();
    }

    void fired(AlertRule rule, String symbol, long time) {
        store.put(key(symbol, rule.getRuleId()), time);
    }

    /** Deletes the entries whose rule no longer exists, or no longer applies to the entry's symbol. */
    void sweep(RuleIndex rules) {
        List<String> gone = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                int bar = entry.key.indexOf('|');
                String symbol = entry.key.substring(0, bar);
                Optional<AlertRule> rule = rules.rule(entry.key.substring(bar + 1));
                if (rule.isEmpty() || !AlertRuleContract.appliesTo(rule.get(), symbol)) {
                    gone.add(entry.key);
                }
            }
        }
        gone.forEach(store::delete);
    }

    // symbols never hold '|' (StockTickContract.SYMBOL), so the first one separates symbol and rule id
    private static String key(String symbol, String ruleId) {
        return symbol + "|" + ruleId;
    }
}
