package io.ticklake.streams.query;

import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.KpiTopology;
import io.ticklake.streams.StreamsAppConfig;
import io.ticklake.streams.kpi.Candle;
import io.ticklake.streams.kpi.KpiWindow;
import io.ticklake.streams.routing.SymbolPartitioner;
import io.ticklake.streams.routing.SymbolPartitions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Interactive queries over the KPI stores of all instances: the latest KPI of a symbol, a time
 * range of a symbol's KPIs, and the latest KPI of every symbol, for any window size the topology
 * computes. A symbol's query runs where its partition is active (here, or forwarded through the
 * {@link KpiRemoteClient} to the instance {@code queryMetadataForKey} names); the all-symbols query
 * asks every instance for the partitions it owns and merges the answers.
 *
 * <p>A symbol's partition is where its ticks really are ({@link SymbolPartitioner} over the global store
 * {@link SymbolPartitions}), whatever partitioner the producer used; a symbol spread over several input
 * partitions is answered from the one holding its latest minute (and once in the all-symbols query). With
 * {@code ticklake.repartition.by.symbol=true} the stores are partitioned by murmur2 of the symbol instead.
 *
 * <p>There is no partial answer: while partitions move (rebalance), restore, or an owner cannot be
 * reached, every query throws {@link KpiUnavailableException} ("retry"). With
 * {@code ticklake.iq.stale.reads=true} such a query is answered from a standby (or restoring)
 * copy instead, when one exists. The {@code local*} methods serve the forwarding endpoints: they
 * read this instance's stores only and never forward.
 *
 * <p>Free of any web framework: a REST layer only delegates, maps {@link KpiUnavailableException}
 * to 503 with {@code Retry-After}, an empty result to 404 and {@link IllegalArgumentException} to 400.
 */
public final class KpiQueryService implements KpiQueries {

    private final KafkaStreams streams;
    private final KpiRemoteClient remote;
    private final HostInfo self;
    private final String candlesSourceTopic;
    private final StreamPartitioner<String, Object> partitioner;
    private final long historyMs;
    private final boolean repartitioned;
    private final Map<String, KpiWindow> windows = new LinkedHashMap<>();
    private final List<KpiWindow> rollups;
    private final boolean staleReadsAllowed;
    private final Duration retryAfter;

    /** {@code config} must name this instance's {@code application.server}, as the running {@code streams} has it. */
    public KpiQueryService(KafkaStreams streams, StreamsAppConfig config, KpiRemoteClient remote) {
        this.streams = streams;
        this.remote = remote;
        this.self = config.applicationServer();
        if (self == null) {
            throw new IllegalArgumentException("interactive queries need " + StreamsAppConfig.APPLICATION_SERVER
                    + " (host:port of this instance)");
        }
        this.candlesSourceTopic = KpiTopology.candlesSourceTopic(config);
        this.historyMs = config.historyMs();
        this.repartitioned = config.repartitionBySymbol();
        // repartitioned: the stores are where murmur2 puts a symbol; otherwise where its producer put it
        this.partitioner = new SymbolPartitioner(repartitioned ? (symbol, count) -> Optional.empty()
                : (symbol, count) -> symbolPartitions().answering(symbol, count));
        config.allWindows().forEach(window -> windows.put(window.label(), window));
        this.rollups = config.rollupWindows();
        this.staleReadsAllowed = config.staleReadsAllowed();
        this.retryAfter = Duration.ofMillis(config.retryAfterMs());
    }

    /** This instance's address, as other instances forward to it. */
    public HostInfo self() {
        return self;
    }

    /** Window labels that can be queried: 1m and the rollups. */
    public Set<String> windows() {
        return windows.keySet();
    }

    /** The KPI of the latest window (of size {@code window}) in which {@code symbol} traded. */
    @Override
    public Optional<WindowKpi> latest(String symbol, String window) {
        KpiWindow size = window(window);
        return routeByKey(symbol,
                (partition, stale) -> localViews(partition, stale, views -> views.latest(symbol, size)),
                (host, partition, stale) -> remote.latest(host, symbol, size.label(), partition, stale));
    }

    /** KPIs of {@code symbol} for the windows of size {@code window} starting in [from, to), ascending. */
    @Override
    public List<WindowKpi> range(String symbol, String window, Instant from, Instant to) {
        KpiWindow size = window(window);
        requireRange(from, to);
        return routeByKey(symbol,
                (partition, stale) -> localViews(partition, stale,
                        views -> views.range(symbol, size, from.toEpochMilli(), to.toEpochMilli())),
                (host, partition, stale) -> remote.range(host, symbol, size.label(), from, to, partition, stale));
    }

    /** The latest KPI (window size {@code window}) of every symbol, by symbol, from all instances. */
    @Override
    public List<WindowKpi> latestAll(String window) {
        KpiWindow size = window(window);
        Map<Integer, List<HostInfo>> candidates = hostsByPartition();
        Map<HostInfo, Set<Integer>> plan = new LinkedHashMap<>();
        candidates.forEach((partition, hosts) -> plan.computeIfAbsent(hosts.get(0), host -> new TreeSet<>())
                .add(partition));
        List<WindowKpi> all = new ArrayList<>();
        for (Map.Entry<HostInfo, Set<Integer>> entry : plan.entrySet()) {
            all.addAll(latestAllFrom(entry.getKey(), entry.getValue(), size, candidates));
        }
        return newestPerSymbol(all);
    }

    /**
     * Symbols whose accepted ticks arrived on more than one input partition (a random or round-robin
     * partitioner), with those partitions, as every instance sees them (global store).
     */
    public SortedMap<String, SortedSet<Integer>> splitSymbols() {
        return symbolPartitions().split();
    }

    /** Forwarding endpoint: the latest KPI of {@code symbol} from this instance's stores. */
    @Override
    public Optional<WindowKpi> localLatest(String symbol, String window, Integer partition, boolean stale) {
        KpiWindow size = window(window);
        return localViews(partitionOf(symbol, partition), stale, views -> views.latest(symbol, size));
    }

    /** Forwarding endpoint: a range of {@code symbol}'s KPIs from this instance's stores. */
    @Override
    public List<WindowKpi> localRange(String symbol, String window, Instant from, Instant to, Integer partition,
                                      boolean stale) {
        KpiWindow size = window(window);
        requireRange(from, to);
        return localViews(partitionOf(symbol, partition), stale,
                views -> views.range(symbol, size, from.toEpochMilli(), to.toEpochMilli()));
    }

    /** Forwarding endpoint: the latest KPI of every symbol of {@code partitions} from this instance's stores. */
    @Override
    public List<WindowKpi> localLatestAll(String window, Set<Integer> partitions, boolean stale) {
        KpiWindow size = window(window);
        SymbolPartitions where = repartitioned ? null : symbolPartitions();
        Map<String, Integer> split = where == null ? Map.of() : where.splitAnswering();
        List<WindowKpi> all = new ArrayList<>();
        for (int partition : new TreeSet<>(partitions)) {
            for (WindowKpi kpi : localViews(partition, stale, views -> views.latestAll(size))) {
                // a split symbol is listed by the partition that answers for it, as its own query is
                String symbol = kpi.getSymbol();
                if (!split.containsKey(symbol) || split.get(symbol) == partition) {
                    all.add(kpi);
                }
            }
        }
        all.sort(Comparator.comparing(WindowKpi::getSymbol));
        return all;
    }

    /**
     * Provisional push: the KPIs of every window holding {@code symbol}'s minute at {@code minuteStart}
     * (1m and each rollup), from this instance's active copy of {@code partition}, including what is
     * not committed yet. Throws {@link KpiUnavailableException} when that copy is not queryable here
     * (moved away, restoring).
     */
    public List<WindowKpi> localAround(int partition, String symbol, long minuteStart) {
        return localViews(partition, false, views -> views.around(symbol, minuteStart, rollups));
    }

    /** One KPI per symbol: while a split symbol's answering partition changes, two may list it; the newest wins. */
    private static List<WindowKpi> newestPerSymbol(List<WindowKpi> all) {
        Map<String, WindowKpi> newest = new TreeMap<>();
        for (WindowKpi kpi : all) {
            newest.merge(kpi.getSymbol(), kpi, (a, b) -> b.getWindowStart().isAfter(a.getWindowStart()) ? b : a);
        }
        return new ArrayList<>(newest.values());
    }

    private SymbolPartitions symbolPartitions() {
        return guard(() -> new SymbolPartitions(streams.store(StoreQueryParameters.fromNameAndType(
                KpiTopology.SYMBOL_PARTITIONS_STORE, QueryableStoreTypes.<String, Long>keyValueStore())), historyMs));
    }

    private List<WindowKpi> latestAllFrom(HostInfo host, Set<Integer> partitions, KpiWindow size,
                                          Map<Integer, List<HostInfo>> candidates) {
        try {
            return host.equals(self) ? localLatestAll(size.label(), partitions, staleReadsAllowed)
                    : remote.latestAll(host, size.label(), partitions, staleReadsAllowed);
        } catch (KpiUnavailableException e) {
            if (!staleReadsAllowed) {
                throw e;
            }
            // stale reads allowed: ask each partition's next copy (a standby) instead
            List<WindowKpi> fallback = new ArrayList<>();
            for (int partition : partitions) {
                List<HostInfo> others = candidates.get(partition).stream().filter(other -> !other.equals(host))
                        .toList();
                if (others.isEmpty()) {
                    throw e;
                }
                fallback.addAll(latestAllFrom(preferSelf(others), Set.of(partition), size,
                        Map.of(partition, others)));
            }
            return fallback;
        }
    }

    /** Input partition to the hosts that can answer for it: the active one first, then standbys when stale reads are allowed. */
    private Map<Integer, List<HostInfo>> hostsByPartition() {
        requireQueryable();
        Map<Integer, List<HostInfo>> candidates = new TreeMap<>();
        Map<Integer, List<HostInfo>> standbys = new TreeMap<>();
        for (StreamsMetadata metadata : guard(() -> streams.streamsMetadataForStore(KpiTopology.CANDLES_STORE))) {
            for (TopicPartition partition : metadata.topicPartitions()) {
                if (partition.topic().equals(candlesSourceTopic)) {
                    candidates.computeIfAbsent(partition.partition(), p -> new ArrayList<>()).add(0,
                            metadata.hostInfo());
                }
            }
            for (TopicPartition partition : metadata.standbyTopicPartitions()) {
                if (partition.topic().equals(candlesSourceTopic)) {
                    standbys.computeIfAbsent(partition.partition(), p -> new ArrayList<>()).add(metadata.hostInfo());
                }
            }
        }
        if (staleReadsAllowed) {
            standbys.forEach((partition, hosts) -> candidates.computeIfAbsent(partition, p -> new ArrayList<>())
                    .addAll(hosts));
        }
        if (candidates.isEmpty()) {
            throw unavailable("no instance has announced its partitions yet", null);
        }
        return candidates;
    }

    private <T> T routeByKey(String symbol, LocalQuery<T> local, RemoteQuery<T> forward) {
        requireQueryable();
        KeyQueryMetadata metadata = guard(() -> streams.queryMetadataForKey(KpiTopology.CANDLES_STORE, symbol,
                partitioner));
        if (metadata == null || metadata.activeHost().equals(HostInfo.unavailable())) {
            if (staleReadsAllowed && metadata != null && !metadata.standbyHosts().isEmpty()) {
                return fromStandbys(metadata, local, forward, null);
            }
            throw unavailable("the partition of '" + symbol + "' has no active owner right now (rebalancing)", null);
        }
        int partition = metadata.partition();
        try {
            return metadata.activeHost().equals(self) ? local.query(partition, staleReadsAllowed)
                    : forward.query(metadata.activeHost(), partition, false);
        } catch (KpiUnavailableException e) {
            if (staleReadsAllowed && !metadata.standbyHosts().isEmpty()) {
                return fromStandbys(metadata, local, forward, e);
            }
            throw e;
        }
    }

    private <T> T fromStandbys(KeyQueryMetadata metadata, LocalQuery<T> local, RemoteQuery<T> forward,
                               KpiUnavailableException activeFailure) {
        KpiUnavailableException last = activeFailure;
        for (HostInfo standby : preferSelfFirst(metadata.standbyHosts())) {
            try {
                return standby.equals(self) ? local.query(metadata.partition(), true)
                        : forward.query(standby, metadata.partition(), true);
            } catch (KpiUnavailableException e) {
                last = e;
            }
        }
        throw last != null ? last : unavailable("no standby of partition " + metadata.partition()
                + " can answer", null);
    }

    private <T> T localViews(int partition, boolean stale, ViewQuery<T> query) {
        return guard(() -> {
            StoreQueryParameters<ReadOnlyWindowStore<String, ValueAndTimestamp<Candle>>> candles =
                    StoreQueryParameters.fromNameAndType(KpiTopology.CANDLES_STORE,
                            QueryableStoreTypes.<String, Candle>timestampedWindowStore()).withPartition(partition);
            StoreQueryParameters<ReadOnlyKeyValueStore<String, Long>> symbols =
                    StoreQueryParameters.fromNameAndType(KpiTopology.SYMBOL_INDEX_STORE,
                            QueryableStoreTypes.<String, Long>keyValueStore()).withPartition(partition);
            if (stale) {
                candles = candles.enableStaleStores();
                symbols = symbols.enableStaleStores();
            }
            return query.apply(new KpiViews(streams.store(candles), streams.store(symbols)));
        });
    }

    private int partitionOf(String symbol, Integer partition) {
        if (partition != null) {
            return partition;
        }
        KeyQueryMetadata metadata = guard(() -> streams.queryMetadataForKey(KpiTopology.CANDLES_STORE, symbol,
                partitioner));
        if (metadata == null || metadata.partition() < 0) {
            throw unavailable("the partition of '" + symbol + "' is not known yet", null);
        }
        return metadata.partition();
    }

    private void requireQueryable() {
        KafkaStreams.State state = streams.state();
        boolean queryable = state == KafkaStreams.State.RUNNING
                || (staleReadsAllowed && state == KafkaStreams.State.REBALANCING);
        if (!queryable) {
            throw unavailable("this instance is " + state + ", not RUNNING", null);
        }
    }

    private <T> T guard(Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidStateStoreException e) {
            throw unavailable(e.getMessage(), e);
        }
    }

    private KpiUnavailableException unavailable(String reason, Throwable cause) {
        return new KpiUnavailableException("KPIs unavailable on " + self.host() + ":" + self.port() + ": " + reason
                + "; retry", retryAfter, cause);
    }

    private KpiWindow window(String label) {
        KpiWindow window = label == null ? null : windows.get(label.trim());
        if (window == null) {
            throw new IllegalArgumentException("unknown window '" + label + "'; known: "
                    + String.join(", ", windows.keySet()));
        }
        return window;
    }

    private static void requireRange(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("a range needs from < to, got from=" + from + " to=" + to);
        }
    }

    private HostInfo preferSelf(List<HostInfo> hosts) {
        return hosts.contains(self) ? self : hosts.get(0);
    }

    private List<HostInfo> preferSelfFirst(Set<HostInfo> hosts) {
        return hosts.stream().sorted(Comparator.comparing((HostInfo host) -> !host.equals(self)))
                .collect(Collectors.toList());
    }

    @FunctionalInterface
    private interface LocalQuery<T> {
        T query(int partition, boolean stale);
    }

    @FunctionalInterface
    private interface RemoteQuery<T> {
        T query(HostInfo host, int partition, boolean stale);
    }

    @FunctionalInterface
    private interface ViewQuery<T> {
        T apply(KpiViews views);
    }
}
