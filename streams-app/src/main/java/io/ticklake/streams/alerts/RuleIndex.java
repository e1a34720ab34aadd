package io.ticklake.streams.alerts;

import io.ticklake.schemas.AlertKind;
import io.ticklake.schemas.AlertRule;
import io.ticklake.schemas.contract.AlertRuleContract;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The enabled, valid rules of the global rule store, decoded once and indexed by symbol, for one evaluator
 * (one stream thread; not thread-safe). It reloads the whole store when {@link RuleChanges} moved, before the
 * next decision, so a created, changed or deleted rule counts from the next tick (or stale-feed check) on.
 * Memory is bounded by the rules: one decoded rule each, plus one list per symbol seen.
 */
final class RuleIndex {

    private final ReadOnlyKeyValueStore<String, byte[]> store;
    private final RuleDecoder decoder;
    private final RuleChanges changes;
    private long loadedAt = -1;
    private Map<String, AlertRule> byId = Map.of();
    private Map<String, List<AlertRule>> bySymbol = Map.of();
    private List<AlertRule> wildcard = List.of();
    private List<AlertRule> staleFeed = List.of();
    private final Map<String, List<AlertRule>> forSymbol = new HashMap<>();

    RuleIndex(ReadOnlyKeyValueStore<String, byte[]> store, RuleDecoder decoder, RuleChanges changes) {
        this.store = store;
        this.decoder = decoder;
        this.changes = changes;
    }

    /** The rules that apply to {@code symbol}: its own and the {@code *} ones. */
    List<AlertRule> forSymbol(String symbol) {
        refresh();
        List<AlertRule> rules = forSymbol.get(symbol);
        if (rules == null) {
            rules = new ArrayList<>(bySymbol.getOrDefault(symbol, List.of()));
            rules.addAll(wildcard);
            rules = List.copyOf(rules);
            forSymbol.put(symbol, rules);
        }
        return rules;
    }

    /** Every {@code STALE_FEED} rule. */
    List<AlertRule> staleFeedRules() {
        refresh();
        return staleFeed;
    }

    /** The rule of {@code ruleId}, when it exists, is valid and enabled. */
    Optional<AlertRule> rule(String ruleId) {
        refresh();
        return Optional.ofNullable(byId.get(ruleId));
    }

    /** The change count the index was last loaded at. */
    long loadedAt() {
        refresh();
        return loadedAt;
    }

    private void refresh() {
        long current = changes.current();
        if (current == loadedAt) {
            return;
        }
        Map<String, AlertRule> ids = new HashMap<>();
        Map<String, List<AlertRule>> symbols = new HashMap<>();
        List<AlertRule> any = new ArrayList<>();
        List<AlertRule> stale = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                Optional<AlertRule> decoded = entry.value == null ? Optional.empty()
                        : decoder.decode(entry.key, entry.value);
                if (decoded.isEmpty() || !decoded.get().getEnabled()) {
                    continue;
                }
                AlertRule rule = decoded.get();
                ids.put(entry.key, rule);
                if (rule.getSymbol().equals(AlertRuleContract.ANY_SYMBOL)) {
                    any.add(rule);
                } else {
                    symbols.computeIfAbsent(rule.getSymbol(), s -> new ArrayList<>()).add(rule);
                }
                if (rule.getKind() == AlertKind.STALE_FEED) {
                    stale.add(rule);
                }
            }
        }
        byId = ids;
        bySymbol = symbols;
        wildcard = List.copyOf(any);
        staleFeed = List.copyOf(stale);
        forSymbol.clear();
        loadedAt = current;
    }
}
