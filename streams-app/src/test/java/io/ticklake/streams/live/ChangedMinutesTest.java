package io.ticklake.streams.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.streams.live.ChangedMinutes.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The bounded, coalescing set of changed minutes between the stream threads and the provisional rounds. */
class ChangedMinutesTest {

    private static final long M0 = 1_700_000_040_000L;
    private static final long M1 = M0 + 60_000L;

    @Test
    void recordsNothingUntilEnabled() {
        ChangedMinutes changes = new ChangedMinutes(10);
        assertThat(changes.mark(0, "AAPL", M0)).isFalse();
        assertThat(changes.drain()).isEmpty();
        assertThat(changes.dropped()).isZero();
    }

    @Test
    void aMinuteMarkedManyTimesWaitsOnceInFirstMarkedOrder() {
        ChangedMinutes changes = enabled(10);
        changes.mark(0, "AAPL", M0);
        changes.mark(1, "MSFT", M0);
        for (int i = 0; i < 1_000; i++) {
            changes.mark(0, "AAPL", M0);
        }
        changes.mark(0, "AAPL", M1);

        assertThat(changes.waiting()).isEqualTo(3);
        assertThat(changes.drain()).containsExactly(new Change(0, "AAPL", M0), new Change(1, "MSFT", M0),
                new Change(0, "AAPL", M1));
    }

    @Test
    void drainEmptiesAndLaterMarksStartAgain() {
        ChangedMinutes changes = enabled(10);
        changes.mark(0, "AAPL", M0);
        assertThat(changes.drain()).hasSize(1);
        assertThat(changes.drain()).isEmpty();
        changes.mark(0, "AAPL", M0);
        assertThat(changes.drain()).containsExactly(new Change(0, "AAPL", M0));
    }

    @Test
    void whenFullNewMinutesAreDroppedAndCountedButWaitingOnesStillCoalesce() {
        ChangedMinutes changes = enabled(2);
        assertThat(changes.mark(0, "A", M0)).isTrue();
        assertThat(changes.mark(0, "B", M0)).isTrue();
        assertThat(changes.mark(0, "C", M0)).isFalse();
        assertThat(changes.mark(0, "D", M0)).isFalse();
        assertThat(changes.mark(0, "A", M0)).isTrue();

        assertThat(changes.dropped()).isEqualTo(2);
        assertThat(changes.waiting()).isEqualTo(2);
        assertThat(changes.drain()).extracting(Change::symbol).containsExactly("A", "B");
        assertThat(changes.mark(0, "C", M0)).isTrue();
    }

    @Test
    void disablingForgetsWhatWaits() {
        ChangedMinutes changes = enabled(10);
        changes.mark(0, "AAPL", M0);
        changes.enabled(false);
        assertThat(changes.drain()).isEmpty();
        assertThat(changes.mark(0, "AAPL", M0)).isFalse();
    }

    @Test
    void concurrentMarksNeverExceedTheCapacityAndLoseNothingBelowIt() throws Exception {
        ChangedMinutes changes = enabled(500);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 200; i++) {
                    changes.mark(thread, "S" + i, M0);
                }
            }));
        }
        threads.forEach(Thread::start);
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(changes.waiting()).isEqualTo(500);
        assertThat(changes.dropped()).isEqualTo(300);
        assertThat(changes.drain()).doesNotHaveDuplicates().hasSize(500);
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertThatThrownBy(() -> new ChangedMinutes(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity");
    }

    private static ChangedMinutes enabled(int capacity) {
        ChangedMinutes changes = new ChangedMinutes(capacity);
        changes.enabled(true);
        return changes;
    }
}
