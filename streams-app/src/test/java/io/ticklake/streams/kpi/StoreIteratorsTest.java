package io.ticklake.streams.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

class StoreIteratorsTest {

    /** An iterator over fixed entries whose close() fails the way it is told to. */
    private static final class FailingClose implements KeyValueIterator<String, Long> {
        private final Iterator<KeyValue<String, Long>> entries;
        private final RuntimeException onClose;
        private boolean closed;

        FailingClose(List<KeyValue<String, Long>> entries, RuntimeException onClose) {
            this.entries = entries.iterator();
            this.onClose = onClose;
        }

        @Override
        public boolean hasNext() {
            return entries.hasNext();
        }

        @Override
        public KeyValue<String, Long> next() {
            return entries.next();
        }

        @Override
        public String peekNextKey() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closed = true;
            if (onClose != null) {
                throw onClose;
            }
        }
    }

    private static final List<KeyValue<String, Long>> ENTRIES = List.of(KeyValue.pair("ACME", 1L), KeyValue.pair("GLOBX", 2L));

    @Test
    void drainsEveryEntryInOrderAndCloses() {
        FailingClose iterator = new FailingClose(ENTRIES, null);
        assertThat(StoreIterators.drain(iterator)).containsExactlyElementsOf(ENTRIES);
        assertThat(iterator.closed).isTrue();
    }

    @Test
    void theMetricRaceOnCloseDoesNotLoseTheEntries() {
        FailingClose iterator = new FailingClose(ENTRIES, new NullPointerException("key is null"));
        assertThat(StoreIterators.drain(iterator)).containsExactlyElementsOf(ENTRIES);
        assertThat(iterator.closed).isTrue();
    }

    @Test
    void otherFailuresOnClosePropagate() {
        FailingClose iterator = new FailingClose(ENTRIES, new IllegalStateException("store closed"));
        assertThatThrownBy(() -> StoreIterators.drain(iterator)).isInstanceOf(IllegalStateException.class);
    }
}
