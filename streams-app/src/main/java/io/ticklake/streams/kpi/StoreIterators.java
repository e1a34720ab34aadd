package io.ticklake.streams.kpi;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a state store iterator to the end and closes it. Kafka Streams 4.1 keeps an open-iterator metric per store
 * whose bookkeeping is not thread-safe (KAFKA-19678): when interactive queries and the stream thread open and close
 * iterators at the same moment, {@code close()} can throw a NullPointerException after the iterator itself was
 * closed. The entries are read by then, so the query answers instead of failing with a 500.
 */
public final class StoreIterators {

    private static final Logger LOG = LoggerFactory.getLogger(StoreIterators.class);

    private StoreIterators() {
    }

    /** Every remaining entry of {@code iterator}, in its order; the iterator is closed. */
    public static <K, V> List<KeyValue<K, V>> drain(KeyValueIterator<K, V> iterator) {
        List<KeyValue<K, V>> entries = new ArrayList<>();
        try {
            iterator.forEachRemaining(entries::add);
        } finally {
            close(iterator);
        }
        return entries;
    }

    private static void close(KeyValueIterator<?, ?> iterator) {
        try {
            iterator.close();
        } catch (NullPointerException e) {
            LOG.debug("store iterator closed; its open-iterator metric update failed (KAFKA-19678)", e);
        }
    }
}
