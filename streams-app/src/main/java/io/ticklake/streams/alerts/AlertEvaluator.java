package io.ticklake.streams.alerts;

import io.ticklake.schemas.Alert;
import io.ticklake.schemas.AlertRule;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.contract.AlertRuleContract;
import io.ticklake.streams.live.ProvisionalAlerts;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Evaluates the alert rules on every accepted, deduplicated tick of its task and forwards an {@link Alert}
 * (keyed by symbol, timestamped with the tick's event time) for each rule whose condition holds
 * ({@link RuleConditions}) and whose cool-down for the symbol has passed ({@link Cooldowns}). State, all in named,
 * changelogged stores, so it commits with the tick's other effects under exactly-once:
 * <ul>
 *   <li>{@link AlertTopology#SYMBOL_STATE_STORE}: per symbol the newest tick and the tracked windows;</li>
 *   <li>{@link AlertTopology#VOLUME_HISTORY_STORE}: per symbol and window the volumes of up to
 *       {@link AlertRuleContract#MAX_LOOKBACK_WINDOWS} - 1 completed windows before the previous one;</li>
 *   <li>{@link AlertTopology#LAST_FIRED_STORE}: per rule and symbol the last firing.</li>
 * </ul>
 * Only the symbol's newest tick by {@code (event_time, sequence)} is judged: a late tick still counts in its
 * window, but it is not the current price. STALE_FEED rules are checked by a wall-clock punctuation instead.
 *
 * <p>Each forwarded alert is then offered to the host's {@link ProvisionalAlerts}, for a
 * push ahead of the commit; that sink never blocks, and costs a volatile read while nobody listens.
 */
final class AlertEvaluator implements Processor<String, StockTick, String, Alert> {

    private final String rulesTopic;
    private final Map<String, Object> serdeConfig;
    private final RuleChanges changes;
    private final long staleCheckMs;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, SymbolState> states;
    private KeyValueStore<String, long[]> volumeHistory;
    private Cooldowns cooldowns;
    private RuleDecoder decoder;
    private RuleIndex rules;
    private StaleFeedCheck staleFeeds;
    private final ProvisionalAlerts provisional;

    AlertEvaluator(String rulesTopic, Map<String, Object> serdeConfig, RuleChanges changes, long staleCheckMs,
                   ProvisionalAlerts provisional) {
        this.provisional = provisional;
        this.rulesTopic = rulesTopic;
        this.serdeConfig = serdeConfig;
        this.changes = changes;
        this.staleCheckMs = staleCheckMs;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.states = context.getStateStore(AlertTopology.SYMBOL_STATE_STORE);
        this.volumeHistory = context.getStateStore(AlertTopology.VOLUME_HISTORY_STORE);
        this.cooldowns = new Cooldowns(context.getStateStore(AlertTopology.LAST_FIRED_STORE));
        this.decoder = new RuleDecoder(rulesTopic, serdeConfig);
        this.rules = new RuleIndex(context.getStateStore(AlertTopology.RULES_STORE), decoder, changes);
        this.staleFeeds = new StaleFeedCheck(context, states, rules, cooldowns, provisional);
        context.schedule(Duration.ofMillis(staleCheckMs), PunctuationType.WALL_CLOCK_TIME, staleFeeds::run);
    }

    @Override
    public void process(Record<String, StockTick> record) {
        String symbol = record.key();
        StockTick tick = record.value();
        long eventTime = tick.getEventTime().toEpochMilli();
        double price = tick.getPrice();
        SymbolState state = states.get(symbol);
        if (state == null) {
            state = new SymbolState();
        }
        boolean newest = state.isNewest(eventTime, tick.getSequence());
        boolean hadPrice = state.hasLastPrice();
        double previousPrice = state.lastPrice;
        for (TrackedWindow track : state.windows) {
            long[] completed = track.add(price, tick.getVolume(), eventTime, tick.getSequence(),
                    AlertRuleContract.MAX_LOOKBACK_WINDOWS - 1);
            if (completed.length > 0) {
                appendVolumes(symbol, track, completed);
            }
        }
        if (newest) {
            state.lastEventTime = eventTime;
            state.lastSequence = tick.getSequence();
            state.lastPrice = price;
        }
        state.lastSeenWallMs = context.currentSystemTimeMs();
        states.put(symbol, state);
        if (!newest) {
            return;
        }
        long[][] olderVolumes = new long[SymbolState.WINDOWS.size()][];
        for (AlertRule rule : rules.forSymbol(symbol)) {
            Optional<Decision> decision = decide(rule, symbol, state, hadPrice, previousPrice, price, olderVolumes);
            if (decision.isPresent() && cooldowns.allows(rule, symbol, eventTime)) {
                cooldowns.fired(rule, symbol, eventTime);
                Alert alert = decision.get().toAlert(rule, symbol, eventTime, context.currentSystemTimeMs());
                context.forward(new Record<>(symbol, alert, record.timestamp()));
                // after the forward: the record is then serialized into this transaction's output, so nobody is
                // told of an alert the transaction lacks, and this thread no longer touches the object it shares
                provisional.offer(alert);
            }
        }
    }

    /** @param olderVolumes per window, its volume history once read for this tick (read at most once per tick) */
    private Optional<Decision> decide(AlertRule rule, String symbol, SymbolState state, boolean hadPrice,
                                      double previousPrice, double price, long[][] olderVolumes) {
        return switch (rule.getKind()) {
            case PRICE_CROSS -> hadPrice ? RuleConditions.priceCross(rule, symbol, previousPrice, price)
                    : Optional.empty();
            case PERCENT_MOVE -> RuleConditions.percentMove(rule, symbol, state.window(rule.getWindow()), price);
            case VOLATILITY_BAND -> RuleConditions.volatilityBand(rule, symbol, state.window(rule.getWindow()), price);
            case VOLUME_SPIKE -> RuleConditions.volumeSpike(rule, symbol, state.window(rule.getWindow()),
                    olderVolumes(symbol, rule.getWindow(), olderVolumes), price);
            case STALE_FEED -> Optional.empty(); // wall clock: StaleFeedCheck
        };
    }

    private long[] olderVolumes(String symbol, String window, long[][] readThisTick) {
        int index = AlertRuleContract.WINDOWS.indexOf(window);
        if (readThisTick[index] == null) {
            readThisTick[index] = olderVolumes(symbol, window);
        }
        return readThisTick[index];
    }

    private long[] olderVolumes(String symbol, String window) {
        long[] volumes = volumeHistory.get(historyKey(symbol, window));
        return volumes == null ? new long[0] : volumes;
    }

    private void appendVolumes(String symbol, TrackedWindow track, long[] completed) {
        String key = historyKey(symbol, track.window().label());
        long[] known = olderVolumes(symbol, track.window().label());
        long[] all = Arrays.copyOf(known, known.length + completed.length);
        System.arraycopy(completed, 0, all, known.length, completed.length);
        int keep = AlertRuleContract.MAX_LOOKBACK_WINDOWS - 1;
        volumeHistory.put(key, all.length <= keep ? all : Arrays.copyOfRange(all, all.length - keep, all.length));
    }

    private static String historyKey(String symbol, String window) {
        return symbol + "|" + window;
    }

    @Override
    public void close() {
        if (decoder != null) {
            decoder.close();
        }
    }

    /**
     * The wall-clock check of STALE_FEED rules over the task's symbols: a symbol whose latest tick was processed
     * at least {@code stale_seconds} ago fires once per quiet spell (not again until a tick came and the feed went
     * quiet again), and not within the rule's cool-down. Also sweeps cool-downs of removed rules after a rule
     * change. Wall-clock time is not replayable: a replay after a crash sees other gaps than the first run did.
     */
    private static final class StaleFeedCheck {

        private final ProcessorContext<String, Alert> context;
        private final KeyValueStore<String, SymbolState> states;
        private final RuleIndex rules;
        private final Cooldowns cooldowns;
        private final ProvisionalAlerts provisional;
        private long sweptAt = -1;

        StaleFeedCheck(ProcessorContext<String, Alert> context, KeyValueStore<String, SymbolState> states,
                       RuleIndex rules, Cooldowns cooldowns, ProvisionalAlerts provisional) {
            this.context = context;
            this.states = states;
            this.rules = rules;
            this.cooldowns = cooldowns;
            this.provisional = provisional;
        }

        void run(long now) {
            if (rules.loadedAt() != sweptAt) {
                cooldowns.sweep(rules);
                sweptAt = rules.loadedAt();
            }
            if (rules.staleFeedRules().isEmpty()) {
                return;
            }
            try (KeyValueIterator<String, SymbolState> all = states.all()) {
                while (all.hasNext()) {
                    KeyValue<String, SymbolState> entry = all.next();
                    check(entry.key, entry.value, now);
                }
            }
        }

        private void check(String symbol, SymbolState state, long now) {
            for (AlertRule rule : rules.staleFeedRules()) {
                if (!AlertRuleContract.appliesTo(rule, symbol)) {
                    continue;
                }
                Optional<Decision> decision = RuleConditions.staleFeed(rule, symbol, now - state.lastSeenWallMs,
                        state.lastPrice);
                Long last = cooldowns.lastFired(rule, symbol);
                boolean firedThisSpell = last != null && last >= state.lastSeenWallMs;
                if (decision.isEmpty() || firedThisSpell || !cooldowns.allows(rule, symbol, now)) {
                    continue;
                }
                cooldowns.fired(rule, symbol, now);
                Alert alert = decision.get().toAlert(rule, symbol, now, now);
                context.forward(new Record<>(symbol, alert, now));
                provisional.offer(alert);
            }
        }
    }
}
