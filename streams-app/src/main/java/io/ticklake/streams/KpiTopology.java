package io.ticklake.streams;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.schemas.serde.SpecificAvroSerde;
import io.ticklake.streams.alerts.AlertTopology;
import io.ticklake.streams.ingest.CheckedTick;
import io.ticklake.streams.ingest.DeadLetterRouter;
import io.ticklake.streams.ingest.EventTimeExtractor;
import io.ticklake.streams.ingest.LateTickFilter;
import io.ticklake.streams.ingest.SymbolIndexer;
import io.ticklake.streams.ingest.SymbolKeySerde;
import io.ticklake.streams.ingest.TickDecoder;
import io.ticklake.streams.ingest.TickDeduplicator;
import io.ticklake.streams.ingest.TickValidation;
import io.ticklake.streams.kpi.Candle;
import io.ticklake.streams.kpi.CandleSerde;
import io.ticklake.streams.kpi.EmitMode;
import io.ticklake.streams.kpi.KpiEmitter;
import io.ticklake.streams.kpi.KpiWindow;
import io.ticklake.streams.live.LiveTaps;
import io.ticklake.streams.live.LiveChangeTap;
import io.ticklake.streams.routing.SymbolPartitionRecorder;
import io.ticklake.streams.routing.SymbolPartitionsUpdater;
import io.ticklake.streams.state.LongArraySerde;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindowedKStream;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The KPI topology, a pure function of {@link StreamsAppConfig}:
 *
 * <pre>
 * stock-ticks ─ decode ─ validate ─ late filter ─┬─ rejected ─ dead-letter ─▶ stock-ticks-dlq
 *                (event_time is the timestamp)   └─ accepted ─ dedup ─ symbol index ─ 1m candles ─ KPIs ─▶ stock-kpis
 * </pre>
 *
 * Everything runs in one sub-topology per input partition: ticks are keyed by symbol, so the
 * 1-minute aggregation needs no repartition topic. Each accepted tick's input partition is recorded in the global
 * store {@link #SYMBOL_PARTITIONS_STORE}, so queries find a symbol where its producer's partitioner put it; with
 * {@code ticklake.repartition.by.symbol=true} the accepted ticks are repartitioned by symbol before the symbol
 * index, so a symbol spread over several input partitions has whole candles. Rollups and moving averages are
 * computed from the 1-minute candles by {@link KpiEmitter} (and by interactive queries, the same way, from the
 * aggregation's own store).
 */
public final class KpiTopology {

    /** 1-minute candles per symbol (window store, retention = {@code ticklake.history.ms}); queried. */
    public static final String CANDLES_STORE = "kpi-candles-1m";
    /** The 1-minute candles as forwarded to the KPI emitter, which computes rollups and averages from them (window store). */
    public static final String MINUTE_HISTORY_STORE = "kpi-minute-history";
    /** Symbol to start of its latest minute (key-value); lists the symbols for queries. */
    public static final String SYMBOL_INDEX_STORE = "kpi-symbol-index";
    /** Global: {@code SYMBOL@partition} to the start of the symbol's latest minute on that input partition. */
    public static final String SYMBOL_PARTITIONS_STORE = "kpi-symbol-partitions";
    /** Name of the optional repartition by symbol (topic {@code <application.id>-ticks-by-symbol-repartition}). */
    public static final String REPARTITION_NAME = "ticks-by-symbol";
    /** Partition to stream time (highest tick event time) for the late filter (key-value). */
    public static final String STREAM_TIME_STORE = "tick-stream-time";
    /** {@code (symbol, sequence)} of accepted ticks beyond a bucket's ranges in {@link #TICK_SEQUENCES_STORE} (window store, retention = 3 × (1 min + grace)). */
    public static final String TICK_IDENTITY_STORE = "tick-identities";
    /** Symbol to the sequences of its accepted ticks within the dedup horizon, as ranges per bucket (key-value, cached). */
    public static final String TICK_SEQUENCES_STORE = "tick-sequences";
    /** Final mode only: rollup windows waiting to close, {@code symbol|size-ms} to window start (key-value). */
    public static final String PENDING_ROLLUPS_STORE = "kpi-pending-rollups";

    private KpiTopology() {
    }

    /** Adds the KPI topology to {@code builder}, with nobody listening for a provisional push. */
    public static void build(StreamsBuilder builder, StreamsAppConfig config) {
        build(builder, config, LiveTaps.none());
    }

    /**
     * Adds the KPI topology to {@code builder}; while its taps are enabled, every accepted tick's minute is
     * marked once the tick is in its candle, and every forwarded alert is handed over, for the provisional push.
     */
    public static void build(StreamsBuilder builder, StreamsAppConfig config, LiveTaps taps) {
        Map<String, Object> serdeConfig = config.serdeConfig();
        Serde<String> keys = new SymbolKeySerde();
        Serde<StockTick> tickSerde = specificSerde(serdeConfig);
        Serde<WindowKpi> kpiSerde = specificSerde(serdeConfig);

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STREAM_TIME_STORE),
                Serdes.Integer(), Serdes.Long()).withCachingEnabled());
        // changelogged (the default): a restored task recognizes the copies its predecessor had seen
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(TICK_IDENTITY_STORE,
                Duration.ofMillis(TickDeduplicator.retentionMs(config.graceMs())), Duration.ofMillis(1), false),
                        Serdes.String(), Serdes.Long())
                .withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TICK_SEQUENCES_STORE),
                Serdes.String(), new LongArraySerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SYMBOL_INDEX_STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());

        KStream<String, CheckedTick> checked = builder
                .stream(config.ticksTopic(), Consumed.with(keys, new TickDecoder(serdeConfig))
                        .withTimestampExtractor(new EventTimeExtractor(config.maxFutureMs()))
                        .withName("ticks"))
                .processValues(() -> new TickValidation(config.maxFutureMs()),
                        Named.as("validate-ticks"))
                .processValues(() -> new LateTickFilter(STREAM_TIME_STORE, config.graceMs()),
                        Named.as("filter-late-ticks"), STREAM_TIME_STORE);

        Map<String, KStream<String, CheckedTick>> routes = checked.split(Named.as("route-"))
                .branch((symbol, tick) -> tick.accepted(), Branched.as("accepted"))
                .defaultBranch(Branched.as("rejected"));

        routes.get("route-rejected")
                .processValues(() -> new DeadLetterRouter(config.dlqMaxRecordBytes()), Named.as("dead-letter"))
                .to(config.dlqTopic(), Produced.with(keys, Serdes.ByteArray()).withName("dlq"));

        KStream<String, StockTick> deduplicated = routes.get("route-accepted")
                .mapValues(CheckedTick::tick, Named.as("accepted-ticks"))
                .processValues(() -> new TickDeduplicator(TICK_SEQUENCES_STORE, TICK_IDENTITY_STORE,
                        STREAM_TIME_STORE, config.graceMs()), Named.as("drop-duplicate-ticks"),
                        TICK_IDENTITY_STORE, TICK_SEQUENCES_STORE, STREAM_TIME_STORE);
        addSymbolPartitions(builder, config, deduplicated);
        KStream<String, StockTick> bySymbol = config.repartitionBySymbol()
                ? deduplicated.repartition(Repartitioned.with(keys, tickSerde).withName(REPARTITION_NAME))
                : deduplicated;
        KStream<String, StockTick> accepted = bySymbol
                .processValues(() -> new SymbolIndexer(SYMBOL_INDEX_STORE), Named.as("index-symbols"),
                        SYMBOL_INDEX_STORE)
                .processValues(() -> new LiveChangeTap(taps.minutes()), Named.as("mark-live-changes"));
        TimeWindowedKStream<String, StockTick> minutes = accepted
                .groupByKey(Grouped.with(REPARTITION_NAME, keys, tickSerde))
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMinutes(1),
                        Duration.ofMillis(aggregationGraceMs(config))));
        if (config.emitMode() == EmitMode.FINAL) {
            minutes = minutes.emitStrategy(EmitStrategy.onWindowClose());
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_ROLLUPS_STORE),
                    Serdes.String(), Serdes.Long()).withCachingEnabled());
        }

        KTable<Windowed<String>, Candle> candles = minutes.aggregate(Candle::empty,
                (symbol, tick, candle) -> candle.add(tick.getPrice(), tick.getVolume(),
                        tick.getEventTime().toEpochMilli(), tick.getSequence()),
                Named.as("candles-1m"),
                Materialized.<String, Candle, WindowStore<Bytes, byte[]>>as(CANDLES_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(new CandleSerde())
                        .withRetention(Duration.ofMillis(config.historyMs())));

        // no record cache: see KpiEmitter on why it keeps its own copy of the candles
        builder.addStateStore(Stores.timestampedWindowStoreBuilder(Stores.persistentTimestampedWindowStore(
                MINUTE_HISTORY_STORE, Duration.ofMillis(config.historyMs()), Duration.ofMinutes(1), false),
                Serdes.String(), new CandleSerde()).withCachingDisabled());
        String[] emitterStores = config.emitMode() == EmitMode.FINAL
                ? new String[] {MINUTE_HISTORY_STORE, PENDING_ROLLUPS_STORE} : new String[] {MINUTE_HISTORY_STORE};
        candles.toStream(Named.as("candle-updates"))
                .process(() -> new KpiEmitter(MINUTE_HISTORY_STORE, PENDING_ROLLUPS_STORE, config.rollupWindows(),
                        config.emitMode()), Named.as("emit-kpis"), emitterStores)
                .to(config.kpisTopic(), Produced.with(Serdes.String(), kpiSerde).withName("kpis"));
        AlertTopology.build(builder, config, accepted, taps.alerts());
    }

    /**
     * The compacted topic behind {@link #SYMBOL_PARTITIONS_STORE}; written by this application's tasks, read by
     * every instance, created at start by the host ({@code KpiInstance}).
     */
    public static String symbolPartitionsTopic(StreamsAppConfig config) {
        return config.applicationId() + "-symbol-partitions";
    }

    /** The topic whose partitions the candles (and every queried store) are computed per. */
    public static String candlesSourceTopic(StreamsAppConfig config) {
        return config.repartitionBySymbol() ? config.applicationId() + "-" + REPARTITION_NAME + "-repartition"
                : config.ticksTopic();
    }

    /**
     * Records each accepted tick's input partition (before any repartition) in a compacted topic and reads that
     * topic into a global store on every instance, so any instance can route a symbol's query.
     */
    private static void addSymbolPartitions(StreamsBuilder builder, StreamsAppConfig config,
                                            KStream<String, StockTick> ticks) {
        String topic = symbolPartitionsTopic(config);
        // the topic is the store's changelog: Kafka Streams restores a global store from it directly
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SYMBOL_PARTITIONS_STORE),
                        Serdes.String(), Serdes.Long()).withLoggingDisabled(), topic,
                Consumed.with(Serdes.String(), Serdes.Long()).withName("symbol-partitions"),
                () -> new SymbolPartitionsUpdater(SYMBOL_PARTITIONS_STORE));
        ticks.process(() -> new SymbolPartitionRecorder(SYMBOL_PARTITIONS_STORE), Named.as("record-symbol-partitions"))
                .to(topic, Produced.with(Serdes.String(), Serdes.Long()).withName("symbol-partitions-out"));
    }

    /**
     * The grace of the 1-minute aggregation. Without repartition it is the late filter's, with the same stream time,
     * so the filter has already turned away what the aggregation would drop. After a repartition by symbol the
     * aggregation's stream time is the fastest input partition's, so a tick the filter accepted on a slower one
     * would be dropped silently: the filter stays the only judge of lateness, and the aggregation takes ticks for
     * as long as the candles are kept (update mode only, see {@code ticklake.repartition.by.symbol}).
     */
    static long aggregationGraceMs(StreamsAppConfig config) {
        return config.repartitionBySymbol() ? config.historyMs() - KpiWindow.MINUTE_MS : config.graceMs();
    }

    /** The topology for {@code config}. */
    public static Topology topology(StreamsAppConfig config) {
        return topology(config, LiveTaps.none());
    }

    /** The topology for {@code config}, reporting to {@code taps} (see {@link #build(StreamsBuilder, StreamsAppConfig, LiveTaps)}). */
    public static Topology topology(StreamsAppConfig config, LiveTaps taps) {
        StreamsBuilder builder = new StreamsBuilder();
        build(builder, config, taps);
        return builder.build();
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> Serde<T> specificSerde(
            Map<String, Object> serdeConfig) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
        serde.configure(serdeConfig, false);
        return serde;
    }
}
