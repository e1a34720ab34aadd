package io.ticklake.streams.routing;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Where each symbol's ticks really are: the global store {@code kpi-symbol-partitions}, keyed
 * {@code SYMBOL@partition} (one writer per key: the task of that input partition), valued with the start of the
 * symbol's latest minute on that partition. Symbols are {@code [A-Z0-9.\-]}, so {@code @} cannot occur in one.
 *
 * <p>A partition holds a symbol while its latest minute there is within {@code historyMs} (the candles'
 * retention) of the symbol's newest minute anywhere: older candles are gone, so a producer that changed its
 * partitioner once stops counting as split after the history.
 */
public final class SymbolPartitions {

    private static final char SEPARATOR = '@';

    private final ReadOnlyKeyValueStore<String, Long> store;
    private final long historyMs;

    public SymbolPartitions(ReadOnlyKeyValueStore<String, Long> store, long historyMs) {
        this.store = store;
        this.historyMs = historyMs;
    }

    /** The store key of {@code symbol} on {@code partition}. */
    public static String key(String symbol, int partition) {
        return symbol + SEPARATOR + partition;
    }

    /**
     * The partition that answers for {@code symbol}: the one with its latest minute (the lowest such partition on a
     * tie), empty for a symbol not seen yet. One point read per partition of the input topic
     * ({@code partitionCount}), no iterator: every routed query asks, and opening a store iterator costs far more
     * (Kafka Streams registers an open-iterator metric with JMX whenever none was open).
     */
    public Optional<Integer> answering(String symbol, int partitionCount) {
        SortedMap<Integer, Long> found = new TreeMap<>();
        for (int partition = 0; partition < partitionCount; partition++) {
            Long minute = store.get(key(symbol, partition));
            if (minute != null) {
                found.put(partition, minute);
            }
        }
        return newest(current(found));
    }

    /** Every symbol held by more than one input partition, with those partitions. */
    public SortedMap<String, SortedSet<Integer>> split() {
        SortedMap<String, SortedSet<Integer>> split = new TreeMap<>();
        splitCurrent().forEach((symbol, partitions) -> split.put(symbol, new TreeSet<>(partitions.keySet())));
        return split;
    }

    /** Every symbol held by more than one input partition, with the partition that answers for it. */
    public SortedMap<String, Integer> splitAnswering() {
        SortedMap<String, Integer> answering = new TreeMap<>();
        splitCurrent().forEach((symbol, partitions) -> answering.put(symbol, newest(partitions).orElseThrow()));
        return answering;
    }

    private SortedMap<String, SortedMap<Integer, Long>> splitCurrent() {
        Map<String, SortedMap<Integer, Long>> all = new TreeMap<>();
        try (KeyValueIterator<String, Long> entries = store.all()) {
            while (entries.hasNext()) {
                KeyValue<String, Long> entry = entries.next();
                all.computeIfAbsent(symbolOf(entry.key), symbol -> new TreeMap<>())
                        .put(partitionOf(entry.key), entry.value);
            }
        }
        SortedMap<String, SortedMap<Integer, Long>> split = new TreeMap<>();
        all.forEach((symbol, partitions) -> {
            SortedMap<Integer, Long> current = current(partitions);
            if (current.size() > 1) {
                split.put(symbol, current);
            }
        });
        return split;
    }

    private SortedMap<Integer, Long> current(SortedMap<Integer, Long> partitions) {
        Optional<Integer> newest = newest(partitions);
        if (newest.isEmpty()) {
            return partitions;
        }
        long horizon = partitions.get(newest.get()) - historyMs;
        SortedMap<Integer, Long> current = new TreeMap<>();
        partitions.forEach((partition, minute) -> {
            if (minute > horizon) {
                current.put(partition, minute);
            }
        });
        return current;
    }

    private static Optional<Integer> newest(SortedMap<Integer, Long> partitions) {
        Integer best = null;
        for (Map.Entry<Integer, Long> entry : partitions.entrySet()) {
            if (best == null || entry.getValue() > partitions.get(best)) {
                best = entry.getKey();
            }
        }
        return Optional.ofNullable(best);
    }

    private static String symbolOf(String key) {
        return key.substring(0, key.lastIndexOf(SEPARATOR));
    }

    private static int partitionOf(String key) {
        return Integer.parseInt(key.substring(key.lastIndexOf(SEPARATOR) + 1));
    }
}
