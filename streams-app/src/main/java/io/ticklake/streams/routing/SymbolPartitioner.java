package io.ticklake.streams.routing;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Answers {@code queryMetadataForKey} with the input partition where a symbol's ticks really are (see
 * {@link SymbolPartitions#answering}), whatever partitioner the producer used (Java's murmur2, librdkafka's
 * CRC32, a custom one). A symbol not seen yet gets Java's default, murmur2 of its UTF-8 bytes, so a query for
 * it goes where a Java producer would put it.
 */
public final class SymbolPartitioner implements StreamPartitioner<String, Object> {

    private final BiFunction<String, Integer, Optional<Integer>> known;

    /**
     * {@code known} answers a symbol's partition, given the input topic's partition count, when it is known (e.g.
     * {@link SymbolPartitions#answering}, asked at every routing), empty for murmur2.
     */
    public SymbolPartitioner(BiFunction<String, Integer, Optional<Integer>> known) {
        this.known = known;
    }

    @Override
    public Optional<Set<Integer>> partitions(String topic, String symbol, Object value, int numPartitions) {
        int partition = known.apply(symbol, numPartitions).filter(p -> p < numPartitions)
                .orElseGet(() -> murmur2(symbol, numPartitions));
        return Optional.of(Set.of(partition));
    }

    /** The partition Java's default partitioner picks for {@code symbol}. */
    public static int murmur2(String symbol, int numPartitions) {
        return Utils.toPositive(Utils.murmur2(symbol.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
