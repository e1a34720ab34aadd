package io.ticklake.streams;

import io.ticklake.streams.host.DlqProductionExceptionHandler;
import io.ticklake.streams.kpi.EmitMode;
import io.ticklake.streams.kpi.KpiFactory;
import io.ticklake.streams.kpi.KpiWindow;
import io.ticklake.streams.rocksdb.BoundedMemoryRocksDbConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Configuration of the KPI application: Kafka Streams' own keys with TickLake defaults, plus the
 * {@code ticklake.*} keys that shape the topology, the RocksDB budget and interactive queries. Any
 * other key (e.g. {@code commit.interval.ms}, {@code producer.compression.type}) is passed to Kafka
 * Streams as given. The README's configuration table is this class.
 */
public final class StreamsAppConfig extends AbstractConfig {

    private static final String GROUP_KAFKA = "Kafka Streams";
    private static final String GROUP_TOPOLOGY = "Topology";
    private static final String GROUP_STATE = "State";
    private static final String GROUP_QUERIES = "Interactive queries";
    private static final String GROUP_LIVE = "Provisional push";
    private static final String GROUP_ALERTS = "Alerts";

    public static final String BOOTSTRAP_SERVERS = StreamsConfig.BOOTSTRAP_SERVERS_CONFIG;
    public static final String APPLICATION_ID = StreamsConfig.APPLICATION_ID_CONFIG;
    public static final String APPLICATION_ID_DEFAULT = "ticklake-kpis";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String APPLICATION_SERVER = StreamsConfig.APPLICATION_SERVER_CONFIG;
    private static final String MAIN_CONSUMER_INSTANCE_ID =
            StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    public static final String PROCESSING_GUARANTEE = StreamsConfig.PROCESSING_GUARANTEE_CONFIG;
    public static final String PROCESSING_GUARANTEE_DEFAULT = StreamsConfig.EXACTLY_ONCE_V2;
    public static final String NUM_STANDBY_REPLICAS = StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG;
    public static final int NUM_STANDBY_REPLICAS_DEFAULT = 0;
    public static final String NUM_STREAM_THREADS = StreamsConfig.NUM_STREAM_THREADS_CONFIG;
    public static final int NUM_STREAM_THREADS_DEFAULT = 1;
    public static final String STATE_DIR = StreamsConfig.STATE_DIR_CONFIG;
    public static final String COMMIT_INTERVAL_MS = StreamsConfig.COMMIT_INTERVAL_MS_CONFIG;
    /**
     * Kafka Streams uses 100 ms under exactly-once; each commit is a transaction (flush, offsets,
     * commit) whose cost does not depend on how much was processed, and at 100 ms it takes most of
     * the thread's time on a small machine. Queries see every tick at once regardless (they read
     * the record cache); only read_committed readers of stock-kpis wait up to this long.
     */
    public static final long COMMIT_INTERVAL_MS_DEFAULT = 1_000L;

    public static final String TICKS_TOPIC = "ticklake.topic.ticks";
    public static final String TICKS_TOPIC_DEFAULT = "stock-ticks";
    public static final String KPIS_TOPIC = "ticklake.topic.kpis";
    public static final String KPIS_TOPIC_DEFAULT = "stock-kpis";
    public static final String DLQ_TOPIC = "ticklake.topic.dlq";
    public static final String DLQ_TOPIC_DEFAULT = "stock-ticks-dlq";
    public static final String DLQ_MAX_RECORD_BYTES = "ticklake.dlq.max.record.bytes";
    /** Below Kafka's defaults of 1 MiB for the producer's max.request.size and the broker's message.max.bytes. */
    public static final int DLQ_MAX_RECORD_BYTES_DEFAULT = 1_000_000;
    public static final String ROLLUP_WINDOWS = "ticklake.windows.rollups";
    public static final String ROLLUP_WINDOWS_DEFAULT = "5m,15m,1h";
    public static final String GRACE_MS = "ticklake.grace.ms";
    public static final long GRACE_MS_DEFAULT = 10_000L;
    public static final String HISTORY_MS = "ticklake.history.ms";
    public static final long HISTORY_MS_DEFAULT = 24 * KpiWindow.HOUR_MS;
    public static final String EMIT_MODE = "ticklake.emit.mode";
    public static final String EMIT_MODE_DEFAULT = "update";
    public static final String MAX_FUTURE_MS = "ticklake.validation.max.future.ms";

    public static final String REPARTITION_BY_SYMBOL = "ticklake.repartition.by.symbol";
    public static final boolean REPARTITION_BY_SYMBOL_DEFAULT = false;
    public static final String ROCKSDB_MEMORY_BYTES = BoundedMemoryRocksDbConfig.MEMORY_BYTES;
    public static final long ROCKSDB_MEMORY_BYTES_DEFAULT = BoundedMemoryRocksDbConfig.MEMORY_BYTES_DEFAULT;
    public static final String ROCKSDB_WRITE_BUFFER_BYTES = BoundedMemoryRocksDbConfig.WRITE_BUFFER_BYTES;
    public static final long ROCKSDB_WRITE_BUFFER_BYTES_DEFAULT = BoundedMemoryRocksDbConfig.WRITE_BUFFER_BYTES_DEFAULT;

    public static final String IQ_STALE_READS = "ticklake.iq.stale.reads";
    public static final boolean IQ_STALE_READS_DEFAULT = false;
    public static final String IQ_REMOTE_TIMEOUT_MS = "ticklake.iq.remote.timeout.ms";
    public static final long IQ_REMOTE_TIMEOUT_MS_DEFAULT = 5_000L;
    public static final String IQ_RETRY_AFTER_MS = "ticklake.iq.retry.after.ms";
    public static final long IQ_RETRY_AFTER_MS_DEFAULT = 1_000L;

    public static final String LIVE_INTERVAL_MS = "ticklake.live.interval.ms";
    /** Half the ~100 ms a live view aims for, leaving the other half to processing and the push. */
    public static final long LIVE_INTERVAL_MS_DEFAULT = 50L;
    public static final String LIVE_MAX_PENDING = "ticklake.live.max.pending";
    public static final int LIVE_MAX_PENDING_DEFAULT = 100_000;

    public static final String ALERTS_ENABLED = "ticklake.alerts.enabled";
    public static final boolean ALERTS_ENABLED_DEFAULT = true;
    public static final String ALERT_RULES_TOPIC = "ticklake.topic.alert.rules";
    public static final String ALERT_RULES_TOPIC_DEFAULT = "alert-rules";
    public static final String ALERTS_TOPIC = "ticklake.topic.alerts";
    public static final String ALERTS_TOPIC_DEFAULT = "stock-alerts";
    public static final String ALERTS_STALE_CHECK_MS = "ticklake.alerts.stale.check.interval.ms";
    public static final long ALERTS_STALE_CHECK_MS_DEFAULT = 1_000L;

    public static final ConfigDef CONFIG = new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, null,
                    Importance.HIGH, "Kafka brokers, host:port[,host:port...]", GROUP_KAFKA, 1,
                    ConfigDef.Width.LONG, "Bootstrap servers")
            .define(APPLICATION_ID, Type.STRING, APPLICATION_ID_DEFAULT, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Consumer group, prefix of internal topics and transactional ids; instances"
                            + " with the same id share the work", GROUP_KAFKA, 2, ConfigDef.Width.MEDIUM,
                    "Application id")
            .define(SCHEMA_REGISTRY_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Confluent-compatible registry URL (mock://<scope> in unit tests); other"
                            + " registry settings (basic.auth.*) are passed to the serdes as given",
                    GROUP_KAFKA, 3, ConfigDef.Width.LONG, "Schema registry URL")
            .define(APPLICATION_SERVER, Type.STRING, "", new HostPortValidator(), Importance.MEDIUM,
                    "host:port where this instance serves interactive queries; empty: no queries. The"
                            + " standalone runner binds its HTTP server there (port 0: any free port)",
                    GROUP_KAFKA, 4, ConfigDef.Width.MEDIUM, "Application server")
            .define(PROCESSING_GUARANTEE, Type.STRING, PROCESSING_GUARANTEE_DEFAULT,
                    ConfigDef.ValidString.in(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE),
                    Importance.MEDIUM, "exactly_once_v2 (transactions; each input tick counted once) or"
                            + " at_least_once", GROUP_KAFKA, 5, ConfigDef.Width.SHORT, "Processing guarantee")
            .define(NUM_STANDBY_REPLICAS, Type.INT, NUM_STANDBY_REPLICAS_DEFAULT, ConfigDef.Range.atLeast(0),
                    Importance.MEDIUM, "Warm copies of each task's state on other instances (faster failover;"
                            + " stale reads when allowed)", GROUP_KAFKA, 6, ConfigDef.Width.SHORT,
                    "Standby replicas")
            .define(NUM_STREAM_THREADS, Type.INT, NUM_STREAM_THREADS_DEFAULT, ConfigDef.Range.atLeast(1),
                    Importance.MEDIUM, "Processing threads of this instance", GROUP_KAFKA, 7,
                    ConfigDef.Width.SHORT, "Stream threads")
            .define(STATE_DIR, Type.STRING, null, Importance.MEDIUM,
                    "Directory of the RocksDB state; Kafka Streams' default (<tmp>/kafka-streams) when unset",
                    GROUP_KAFKA, 8, ConfigDef.Width.LONG, "State directory")
            .define(COMMIT_INTERVAL_MS, Type.LONG, COMMIT_INTERVAL_MS_DEFAULT, ConfigDef.Range.atLeast(1),
                    Importance.MEDIUM, "How often a transaction commits: KPIs reach read_committed readers of the"
                            + " KPI topic this late at most, and update mode emits a window at most once per interval;"
                            + " queries see every tick at once", GROUP_KAFKA, 9, ConfigDef.Width.SHORT,
                    "Commit interval")
            .define(TICKS_TOPIC, Type.STRING, TICKS_TOPIC_DEFAULT, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Input topic of StockTick records keyed by symbol", GROUP_TOPOLOGY, 1, ConfigDef.Width.MEDIUM,
                    "Ticks topic")
            .define(KPIS_TOPIC, Type.STRING, KPIS_TOPIC_DEFAULT, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Output topic of WindowKpi records keyed by symbol", GROUP_TOPOLOGY, 2, ConfigDef.Width.MEDIUM,
                    "KPIs topic")
            .define(DLQ_TOPIC, Type.STRING, DLQ_TOPIC_DEFAULT, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Dead-letter topic: original key and value bytes with dlq.* headers", GROUP_TOPOLOGY, 3,
                    ConfigDef.Width.MEDIUM, "DLQ topic")
            .define(DLQ_MAX_RECORD_BYTES, Type.INT, DLQ_MAX_RECORD_BYTES_DEFAULT, ConfigDef.Range.atLeast(1024),
                    Importance.LOW, "Largest DLQ record; a bigger one is written with its value cut to fit and"
                            + " dlq.truncated, dlq.original.size and dlq.original.sha256 headers. At start the"
                            + " DLQ topic's max.message.bytes and the producer's max.request.size lower it when"
                            + " smaller", GROUP_TOPOLOGY, 3, ConfigDef.Width.SHORT, "DLQ record limit")
            .define(ROLLUP_WINDOWS, Type.LIST, ROLLUP_WINDOWS_DEFAULT, new RollupWindowsValidator(),
                    Importance.MEDIUM, "Rollup windows merged from the 1-minute candles: <n>m or <n>h, each"
                            + " larger than 1m", GROUP_TOPOLOGY, 4, ConfigDef.Width.MEDIUM, "Rollup windows")
            .define(GRACE_MS, Type.LONG, GRACE_MS_DEFAULT, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "How long after its end a window still takes late ticks; later ones go to the DLQ as 'late'",
                    GROUP_TOPOLOGY, 5, ConfigDef.Width.SHORT, "Grace period")
            .define(HISTORY_MS, Type.LONG, HISTORY_MS_DEFAULT, ConfigDef.Range.atLeast(KpiWindow.MINUTE_MS),
                    Importance.MEDIUM, "Retention of the 1-minute candles (and so of every queryable KPI);"
                            + " at least 1h + grace + 1m and the largest rollup + grace", GROUP_TOPOLOGY, 6,
                    ConfigDef.Width.SHORT, "History")
            .define(EMIT_MODE, Type.STRING, EMIT_MODE_DEFAULT, ConfigDef.ValidString.in("update", "final"),
                    Importance.MEDIUM, "update: every KPI update (coalesced per commit interval by the record"
                            + " cache); final: once per window when it closes", GROUP_TOPOLOGY, 7,
                    ConfigDef.Width.SHORT, "Emit mode")
            .define(MAX_FUTURE_MS, Type.LONG, null, Importance.LOW,
                    "Ticks whose event time is further ahead of their record's Kafka timestamp are invalid (the"
                            + " sink and the backfill apply the same rule); at most the grace, which is the default",
                    GROUP_TOPOLOGY, 8, ConfigDef.Width.SHORT, "Max future skew")
            .define(REPARTITION_BY_SYMBOL, Type.BOOLEAN, REPARTITION_BY_SYMBOL_DEFAULT, Importance.MEDIUM,
                    "true: accepted ticks go through a repartition topic keyed by symbol (murmur2) before the"
                            + " 1-minute aggregation, so a symbol whose ticks arrive on several input partitions"
                            + " (a random or round-robin partitioner) still has whole candles; costs one internal topic"
                            + " and a second write and read of every accepted tick; update mode only",
                    GROUP_TOPOLOGY, 9, ConfigDef.Width.SHORT, "Repartition by symbol")
            .define(ROCKSDB_MEMORY_BYTES, Type.LONG, ROCKSDB_MEMORY_BYTES_DEFAULT,
                    ConfigDef.Range.atLeast(1L << 20), Importance.MEDIUM, "Off-heap budget of all RocksDB stores"
                            + " of this JVM: one block cache that also accounts for the write buffers",
                    GROUP_STATE, 1, ConfigDef.Width.SHORT, "RocksDB memory")
            .define(ROCKSDB_WRITE_BUFFER_BYTES, Type.LONG, ROCKSDB_WRITE_BUFFER_BYTES_DEFAULT,
                    ConfigDef.Range.atLeast(1L << 20), Importance.LOW, "Part of the RocksDB budget memtables may"
                            + " use (must be below the budget)", GROUP_STATE, 2, ConfigDef.Width.SHORT,
                    "RocksDB write buffers")
            .define(IQ_STALE_READS, Type.BOOLEAN, IQ_STALE_READS_DEFAULT, Importance.MEDIUM,
                    "Answer queries from standby or restoring state when the active copy is unavailable",
                    GROUP_QUERIES, 1, ConfigDef.Width.SHORT, "Stale reads")
            .define(IQ_REMOTE_TIMEOUT_MS, Type.LONG, IQ_REMOTE_TIMEOUT_MS_DEFAULT, ConfigDef.Range.atLeast(1),
                    Importance.LOW, "Timeout of a query forwarded to the owning instance", GROUP_QUERIES, 2,
                    ConfigDef.Width.SHORT, "Forwarding timeout")
            .define(IQ_RETRY_AFTER_MS, Type.LONG, IQ_RETRY_AFTER_MS_DEFAULT, ConfigDef.Range.atLeast(0),
                    Importance.LOW, "Retry hint of an 'unavailable' answer (HTTP Retry-After)", GROUP_QUERIES, 3,
                    ConfigDef.Width.SHORT, "Retry after")
            .define(LIVE_INTERVAL_MS, Type.LONG, LIVE_INTERVAL_MS_DEFAULT, ConfigDef.Range.atLeast(1),
                    Importance.LOW, "How often the windows changed since the last round are read (uncommitted"
                            + " state included) and handed to provisional KPI listeners (KpiInstance"
                            + ".addProvisionalListener); independent of the commit interval", GROUP_LIVE, 1,
                    ConfigDef.Width.SHORT, "Provisional interval")
            .define(LIVE_MAX_PENDING, Type.INT, LIVE_MAX_PENDING_DEFAULT, ConfigDef.Range.atLeast(1),
                    Importance.LOW, "Most changed (symbol, minute) pairs waiting for the next provisional round;"
                            + " a change beyond that is dropped and counted (the window shows again with its next"
                            + " tick or its committed KPI)", GROUP_LIVE, 2, ConfigDef.Width.SHORT,
                    "Provisional backlog")
            .define(ALERTS_ENABLED, Type.BOOLEAN, ALERTS_ENABLED_DEFAULT, Importance.MEDIUM,
                    "Evaluate the alert rules of the rules topic on every accepted tick and write alerts to the"
                            + " alerts topic; false: neither topic is read or written", GROUP_ALERTS, 1,
                    ConfigDef.Width.SHORT, "Alerts")
            .define(ALERT_RULES_TOPIC, Type.STRING, ALERT_RULES_TOPIC_DEFAULT, new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "Compacted topic of AlertRule records keyed by rule id (a tombstone deletes"
                            + " the rule), read by every instance into a global store", GROUP_ALERTS, 2,
                    ConfigDef.Width.MEDIUM, "Alert rules topic")
            .define(ALERTS_TOPIC, Type.STRING, ALERTS_TOPIC_DEFAULT, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Output topic of Alert records keyed by symbol", GROUP_ALERTS, 3, ConfigDef.Width.MEDIUM,
                    "Alerts topic")
            .define(ALERTS_STALE_CHECK_MS, Type.LONG, ALERTS_STALE_CHECK_MS_DEFAULT, ConfigDef.Range.atLeast(1),
                    Importance.LOW, "How often (wall clock) each task checks its symbols for STALE_FEED rules; a"
                            + " stale feed is noticed up to this late", GROUP_ALERTS, 4, ConfigDef.Width.SHORT,
                    "Stale-feed check interval");

    private final List<KpiWindow> rollupWindows;

    public StreamsAppConfig(Map<?, ?> props) {
        super(CONFIG, props, false);
        if (getList(BOOTSTRAP_SERVERS).isEmpty()) {
            throw new ConfigException(BOOTSTRAP_SERVERS, "", "at least one host:port is required");
        }
        this.rollupWindows = parseRollups(getList(ROLLUP_WINDOWS));
        long grace = getLong(GRACE_MS);
        long needed = Math.max(KpiFactory.MA_1H_MS + KpiWindow.MINUTE_MS, maxRollupMs()) + grace;
        if (getLong(HISTORY_MS) < needed) {
            throw new ConfigException(HISTORY_MS, getLong(HISTORY_MS), "must be at least " + needed
                    + " ms: the moving average needs the past hour and every rollup its size, plus grace");
        }
        Long maxFuture = getLong(MAX_FUTURE_MS);
        if (maxFuture != null && (maxFuture < 0 || maxFuture > grace)) {
            throw new ConfigException(MAX_FUTURE_MS, maxFuture, "must be from 0 to " + GRACE_MS + " (" + grace
                    + "): a tick further ahead would move stream time enough to make on-time ticks late");
        }
        if (getBoolean(REPARTITION_BY_SYMBOL) && emitMode() == EmitMode.FINAL) {
            throw new ConfigException(REPARTITION_BY_SYMBOL, true, "needs " + EMIT_MODE + "=update: after a"
                    + " repartition a window would close at the stream time of the fastest input partition, dropping"
                    + " the on-time ticks of slower ones");
        }
        if (getLong(ROCKSDB_WRITE_BUFFER_BYTES) >= getLong(ROCKSDB_MEMORY_BYTES)) {
            throw new ConfigException(ROCKSDB_WRITE_BUFFER_BYTES, getLong(ROCKSDB_WRITE_BUFFER_BYTES),
                    "must be below " + ROCKSDB_MEMORY_BYTES + " (" + getLong(ROCKSDB_MEMORY_BYTES) + ")");
        }
    }

    public String applicationId() {
        return getString(APPLICATION_ID);
    }

    public String ticksTopic() {
        return getString(TICKS_TOPIC);
    }

    public String kpisTopic() {
        return getString(KPIS_TOPIC);
    }

    public String dlqTopic() {
        return getString(DLQ_TOPIC);
    }

    /** Largest DLQ record in bytes (see {@code DlqTruncation}). */
    public int dlqMaxRecordBytes() {
        return getInt(DLQ_MAX_RECORD_BYTES);
    }

    /** The rollup windows, ascending, without 1m. */
    public List<KpiWindow> rollupWindows() {
        return rollupWindows;
    }

    /** 1m followed by the rollups: every window that can be queried. */
    public List<KpiWindow> allWindows() {
        List<KpiWindow> all = new ArrayList<>();
        all.add(KpiWindow.ONE_MINUTE);
        all.addAll(rollupWindows);
        return all;
    }

    public long graceMs() {
        return getLong(GRACE_MS);
    }

    public long historyMs() {
        return getLong(HISTORY_MS);
    }

    public EmitMode emitMode() {
        return EmitMode.parse(getString(EMIT_MODE));
    }

    /** How far a tick's event time may lead its record's timestamp: the configured limit, or the grace. */
    public long maxFutureMs() {
        Long configured = getLong(MAX_FUTURE_MS);
        return configured != null ? configured : graceMs();
    }

    /** Whether accepted ticks are repartitioned by symbol before the aggregation. */
    public boolean repartitionBySymbol() {
        return getBoolean(REPARTITION_BY_SYMBOL);
    }

    /** Whether the alert rules are evaluated (see {@code io.ticklake.streams.alerts.AlertTopology}). */
    public boolean alertsEnabled() {
        return getBoolean(ALERTS_ENABLED);
    }

    public String alertRulesTopic() {
        return getString(ALERT_RULES_TOPIC);
    }

    public String alertsTopic() {
        return getString(ALERTS_TOPIC);
    }

    public long alertsStaleCheckMs() {
        return getLong(ALERTS_STALE_CHECK_MS);
    }

    public long liveIntervalMs() {
        return getLong(LIVE_INTERVAL_MS);
    }

    public int liveMaxPending() {
        return getInt(LIVE_MAX_PENDING);
    }

    public boolean staleReadsAllowed() {
        return getBoolean(IQ_STALE_READS);
    }

    public long remoteTimeoutMs() {
        return getLong(IQ_REMOTE_TIMEOUT_MS);
    }

    public long retryAfterMs() {
        return getLong(IQ_RETRY_AFTER_MS);
    }

    /** This instance's query endpoint, or null when {@code application.server} is empty. */
    public HostInfo applicationServer() {
        String value = getString(APPLICATION_SERVER);
        return value.isEmpty() ? null : HostInfo.buildFromEndpoint(value);
    }

    /** What the Avro serdes are configured with: every key given (they read the registry's). */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> serde = new HashMap<>();
        originals().forEach(serde::put);
        return serde;
    }

    /** The properties for {@code new KafkaStreams(topology, props)}: every key given, with TickLake's defaults. */
    public Properties streamsProperties() {
        Properties props = new Properties();
        props.putAll(originals());
        props.put(BOOTSTRAP_SERVERS, String.join(",", getList(BOOTSTRAP_SERVERS)));
        props.put(APPLICATION_ID, applicationId());
        props.put(PROCESSING_GUARANTEE, getString(PROCESSING_GUARANTEE));
        props.put(NUM_STANDBY_REPLICAS, getInt(NUM_STANDBY_REPLICAS));
        props.put(NUM_STREAM_THREADS, getInt(NUM_STREAM_THREADS));
        props.put(COMMIT_INTERVAL_MS, getLong(COMMIT_INTERVAL_MS));
        props.put(ROCKSDB_MEMORY_BYTES, getLong(ROCKSDB_MEMORY_BYTES));
        props.put(ROCKSDB_WRITE_BUFFER_BYTES, getLong(ROCKSDB_WRITE_BUFFER_BYTES));
        props.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDbConfig.class);
        props.putIfAbsent(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DlqProductionExceptionHandler.class);
        props.put(DLQ_TOPIC, dlqTopic());
        if (getString(APPLICATION_SERVER).isEmpty()) {
            props.remove(APPLICATION_SERVER);
        } else if (!props.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)
                && !props.containsKey(MAIN_CONSUMER_INSTANCE_ID)) {
            props.put(MAIN_CONSUMER_INSTANCE_ID, staticMemberId());
        }
        if (getString(STATE_DIR) == null) {
            props.remove(STATE_DIR);
        }
        return props;
    }

    /**
     * The instance's static group member id, from its query endpoint (unique among the instances: the others
     * reach it there). Static membership lets a restarted instance take its tasks back without a rebalance, and
     * lets {@code close} with {@code leaveGroup} hand them over at once (Kafka Streams 4.1 removes only static
     * members from the group on close; a dynamic one stays until its session times out, 45 s).
     */
    String staticMemberId() {
        return applicationId() + "-" + getString(APPLICATION_SERVER).replaceAll("[^a-zA-Z0-9._-]", "_");
    }

    /** A copy with {@code key} set to {@code value}, e.g. the runner's bound HTTP port as {@code application.server}. */
    public StreamsAppConfig with(String key, Object value) {
        Map<String, Object> props = new HashMap<>(originals());
        props.put(key, value);
        return new StreamsAppConfig(props);
    }

    private long maxRollupMs() {
        return rollupWindows.stream().mapToLong(KpiWindow::sizeMs).max().orElse(KpiWindow.MINUTE_MS);
    }

    private static List<KpiWindow> parseRollups(List<String> labels) {
        Set<KpiWindow> windows = new LinkedHashSet<>();
        for (String label : labels) {
            windows.add(KpiWindow.parse(label));
        }
        return windows.stream().sorted((a, b) -> Long.compare(a.sizeMs(), b.sizeMs())).toList();
    }

    /** Accepts {@code <n>m}/{@code <n>h} sizes above one minute. */
    static final class RollupWindowsValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            @SuppressWarnings("unchecked")
            List<String> labels = (List<String>) value;
            for (String label : labels) {
                KpiWindow window;
                try {
                    window = KpiWindow.parse(label);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, value, e.getMessage());
                }
                if (window.sizeMs() <= KpiWindow.MINUTE_MS) {
                    throw new ConfigException(name, value, "rollups are larger than the 1m base window: " + label);
                }
            }
        }

        @Override
        public String toString() {
            return "a list of window sizes above 1m, each <minutes>m or <hours>h, e.g. 5m,15m,1h";
        }
    }

    /** Accepts an empty value or {@code host:port}. */
    static final class HostPortValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String text = value == null ? "" : value.toString().trim();
            if (text.isEmpty()) {
                return;
            }
            try {
                HostInfo.buildFromEndpoint(text);
            } catch (RuntimeException e) {
                throw new ConfigException(name, value, "expected host:port (" + e.getMessage() + ")");
            }
        }

        @Override
        public String toString() {
            return "empty, or host:port";
        }
    }

    /** The configuration table (key, default, meaning), as the README shows it. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder("| key | default | meaning |\n|---|---|---|\n");
        for (ConfigDef.ConfigKey key : CONFIG.configKeys().values()) {
            String defaultValue = key.defaultValue == ConfigDef.NO_DEFAULT_VALUE ? "(required)"
                    : key.defaultValue == null ? "(unset)" : ConfigDef.convertToString(key.defaultValue, key.type);
            if (defaultValue.isEmpty()) {
                defaultValue = "(empty)";
            }
            table.append("| `").append(key.name).append("` | `").append(defaultValue).append("` | ")
                    .append(key.documentation.replace("|", "\\|")).append(" |\n");
        }
        return table.toString();
    }
}
