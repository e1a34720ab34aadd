package io.ticklake.bench.openloop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisibilityTest {

    private static final long MINUTE = 60_000;

    @Test
    void anAnswerOfALaterWindowShowsEveryEarlierTickOfTheSymbolEachCountedOnce() {
        TickLedger ledger = new TickLedger();
        for (int i = 0; i < 3; i++) {
            ledger.offered("A", 10 * MINUTE + i, 1_000_000L * i);        // window 10, due at 0, 1, 2 ms
        }
        ledger.offered("A", 11 * MINUTE, 10_000_000L);                  // window 11, due at 10 ms
        ledger.offered("A", 11 * MINUTE + 5, 11_000_000L);
        ledger.offered("B", 11 * MINUTE, 12_000_000L);
        Visibility visibility = new Visibility(ledger);
        visibility.measure(0, Long.MAX_VALUE);

        visibility.observed("A", 11 * MINUTE, 1, 20_000_000L);           // 3 of window 10 and the first of 11
        visibility.observed("A", 10 * MINUTE, 3, 30_000_000L);           // an older answer: nothing new

        assertThat(visibility.histogram().getTotalCount()).isEqualTo(4);
        assertThat(visibility.histogram().getMaxValue()).isBetween(19_960L, 20_040L);   // 20 ms - 0 ms in µs, to the histogram's 3 digits
        assertThat(visibility.histogram().getMinValue()).isBetween(9_980L, 10_020L);    // 20 ms - 10 ms
        assertThat(visibility.unseen()).as("A's last tick and B's").isEqualTo(2);
    }

    @Test
    void ticksDueOutsideTheMeasuredIntervalAdvanceButAreNotRecorded() {
        TickLedger ledger = new TickLedger();
        ledger.offered("A", 0, 1_000L);      // warm-up
        ledger.offered("A", 1, 5_000L);      // measured
        ledger.offered("A", 2, 9_000L);      // after the interval
        Visibility visibility = new Visibility(ledger);
        visibility.measure(5_000L, 9_000L);

        visibility.observed("A", 0, 3, 10_000L);

        assertThat(visibility.histogram().getTotalCount()).isEqualTo(1);
        assertThat(visibility.unseen()).isZero();
    }

    @Test
    void aCountBeyondWhatWasOfferedInTheWindowShowsOnlyThatWindow() {
        TickLedger ledger = new TickLedger();
        ledger.offered("A", 0, 0L);
        ledger.offered("A", MINUTE, 1L);
        Visibility visibility = new Visibility(ledger);
        visibility.measure(0, Long.MAX_VALUE);

        visibility.observed("A", 0, 50, 2L);   // ticks of an earlier run in the same window inflate the count

        assertThat(visibility.histogram().getTotalCount()).isEqualTo(1);
        assertThat(visibility.unseen()).isEqualTo(1);
    }
}
