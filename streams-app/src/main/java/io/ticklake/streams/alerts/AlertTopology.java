package io.ticklake.streams.alerts;

import io.ticklake.schemas.Alert;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.serde.SpecificAvroSerde;
import io.ticklake.streams.StreamsAppConfig;
import io.ticklake.streams.live.ProvisionalAlerts;
import io.ticklake.streams.state.LongArraySerde;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The market alerts, added to the KPI topology:
 *
 * <pre>
 * alert-rules (compacted) ─▶ global store alert-rules-global (every instance, every rule)
 *                                         │ read by
 * accepted, deduplicated ticks ─ evaluate-alerts ─▶ stock-alerts (Alert, keyed by symbol)
 * </pre>
 *
 * The evaluation runs in the ticks' own sub-topology (no repartition) and its stores are changelogged, so under
 * {@code exactly_once_v2} an alert is written in the same transaction as the tick's KPIs and state changes: a
 * replay after a crash writes the same alerts once (STALE_FEED excepted: wall clock, see
 * {@link AlertEvaluator}). Rules come from a global store, so a created, changed or deleted rule reaches every
 * task without a restart, and is used from the next tick after the global thread read it.
 */
public final class AlertTopology {

    /** Global: rule id to the rules topic's value bytes (the topic is its changelog). */
    public static final String RULES_STORE = "alert-rules-global";
    /** Symbol to its newest tick, tracked windows and last tick's wall-clock time (key-value). */
    public static final String SYMBOL_STATE_STORE = "alert-symbol-state";
    /** {@code SYMBOL|window} to the volumes of older completed windows, at most 99 (key-value). */
    public static final String VOLUME_HISTORY_STORE = "alert-volume-history";
    /** {@code SYMBOL|rule_id} to when the rule last fired for the symbol (key-value). */
    public static final String LAST_FIRED_STORE = "alert-last-fired";

    private AlertTopology() {
    }

    /**
     * Adds the rules' global store and the evaluation of {@code ticks} (accepted, deduplicated, keyed by symbol)
     * to {@code builder}, when {@code ticklake.alerts.enabled}; nothing otherwise.
     */
    public static void build(StreamsBuilder builder, StreamsAppConfig config, KStream<String, StockTick> ticks,
                             ProvisionalAlerts provisional) {
        if (!config.alertsEnabled()) {
            return;
        }
        RuleChanges changes = new RuleChanges();
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RULES_STORE),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                config.alertRulesTopic(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("alert-rules"),
                () -> new AlertRuleUpdater(RULES_STORE, changes));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SYMBOL_STATE_STORE),
                Serdes.String(), new SymbolStateSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(VOLUME_HISTORY_STORE),
                Serdes.String(), new LongArraySerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LAST_FIRED_STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());

        Map<String, Object> serdeConfig = config.serdeConfig();
        SpecificAvroSerde<Alert> alertSerde = new SpecificAvroSerde<>();
        alertSerde.configure(serdeConfig, false);
        ticks.process(() -> new AlertEvaluator(config.alertRulesTopic(), serdeConfig, changes,
                        config.alertsStaleCheckMs(), provisional), Named.as("evaluate-alerts"),
                        SYMBOL_STATE_STORE, VOLUME_HISTORY_STORE, LAST_FIRED_STORE)
                .to(config.alertsTopic(), Produced.with(Serdes.String(), alertSerde).withName("alerts"));
    }
}
