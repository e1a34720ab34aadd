package io.ticklake.streams.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.streams.kpi.KpiWindow;
import io.ticklake.streams.state.LongArraySerde;
import org.junit.jupiter.api.Test;

class TrackedWindowTest {

    private static final long MINUTE = KpiWindow.MINUTE_MS;
    private final TrackedWindow track = new TrackedWindow(KpiWindow.ONE_MINUTE);
    private long sequence;

    private long[] add(long volume, long eventTime) {
        return track.add(10.0, volume, eventTime, ++sequence, 99);
    }

    @Test
    void theFirstWindowHasNoKnownPreviousAndItsRolloverCompletesNothingYet() {
        assertThat(add(5, 0)).isEmpty();
        assertThat(track.previousKnown()).isFalse();

        assertThat(add(7, MINUTE)).as("the first window moves to previous").isEmpty();
        assertThat(track.previousKnown()).isTrue();
        assertThat(track.previous().volume()).isEqualTo(5);
        assertThat(track.current().volume()).isEqualTo(7);
        assertThat(track.start()).isEqualTo(MINUTE);

        assertThat(add(9, 2 * MINUTE)).as("the old previous leaves for the history").containsExactly(5);
    }

    @Test
    void skippedWindowsCompleteWithVolumeZero() {
        add(5, 0);
        add(7, MINUTE);

        // from minute 1 to minute 4: previous (5), current (7) and minute 2 (0) complete; minute 3 becomes previous
        assertThat(add(1, 4 * MINUTE)).containsExactly(5, 7, 0);
        assertThat(track.previousKnown()).isTrue();
        assertThat(track.previous().isEmpty()).isTrue();
        assertThat(track.start()).isEqualTo(4 * MINUTE);
    }

    @Test
    void aLongGapKeepsOnlyTheNewestCompletedWindows() {
        add(5, 0);
        add(7, MINUTE);

        long[] completed = track.add(10.0, 1, 1_000 * MINUTE, ++sequence, 3);

        assertThat(completed).containsExactly(0, 0, 0);
    }

    @Test
    void aLateTickOfThePreviousWindowCountsThereAndOlderOnesAreNotTracked() {
        add(5, 0);
        add(7, MINUTE);
        add(9, 2 * MINUTE);

        assertThat(add(100, MINUTE + 30_000)).isEmpty();
        assertThat(track.previous().volume()).isEqualTo(107);
        assertThat(add(1_000, 30_000)).isEmpty();
        assertThat(track.previous().volume()).isEqualTo(107);
        assertThat(track.current().volume()).isEqualTo(9);
    }

    @Test
    void theSerdeRoundTripsEveryTrack() {
        SymbolState state = new SymbolState();
        state.lastEventTime = 123;
        state.lastSequence = 7;
        state.lastPrice = 99.5;
        state.lastSeenWallMs = 456;
        state.windows[0].add(99.5, 3, 123, 7, 99);
        state.windows[2].add(98.0, 4, 0, 1, 99);
        state.windows[2].add(99.0, 5, 15 * MINUTE, 2, 99);
        SymbolStateSerde serde = new SymbolStateSerde();

        SymbolState copy = serde.deserialize("t", serde.serialize("t", state));

        assertThat(copy.lastEventTime()).isEqualTo(123);
        assertThat(copy.lastSequence).isEqualTo(7);
        assertThat(copy.lastPrice()).isEqualTo(99.5);
        assertThat(copy.lastSeenWallMs()).isEqualTo(456);
        assertThat(copy.windows[0].current().volume()).isEqualTo(3);
        assertThat(copy.windows[0].previousKnown()).isFalse();
        assertThat(copy.windows[2].start()).isEqualTo(15 * MINUTE);
        assertThat(copy.windows[2].previousKnown()).isTrue();
        assertThat(copy.windows[2].previous().close()).isEqualTo(98.0);
        assertThat(copy.windows[2].current().close()).isEqualTo(99.0);
        assertThat(copy.windows[3].start()).isEqualTo(TrackedWindow.NONE);
        assertThat(new LongArraySerde().deserialize("t", new LongArraySerde().serialize("t",
                new long[] {1, 0, 3}))).containsExactly(1, 0, 3);
    }
}
