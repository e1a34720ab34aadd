package io.ticklake.streams.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenSequencesTest {

    @Test
    void sequencesInOrderAreOneRange() {
        SeenSequences seen = SeenSequences.of(null, 0);
        for (long sequence = 1; sequence <= 1000; sequence++) {
            assertThat(seen.add(100, sequence)).isTrue();
        }
        assertThat(seen.toArray()).containsExactly(100, 1 << 1, 1, 1000);
        assertThat(seen.contains(1)).isTrue();
        assertThat(seen.contains(1000)).isTrue();
        assertThat(seen.contains(1001)).isFalse();
        assertThat(seen.contains(0)).isFalse();
    }

    @Test
    void aGapIsTwoRangesUntilAnOutOfOrderTickFillsIt() {
        SeenSequences seen = SeenSequences.of(null, 0);
        seen.add(100, 1);
        seen.add(100, 2);
        seen.add(100, 5);
        seen.add(100, 4);
        assertThat(seen.toArray()).containsExactly(100, 2 << 1, 1, 2, 4, 5);
        assertThat(seen.contains(3)).isFalse();
        seen.add(100, 3);
        assertThat(seen.toArray()).containsExactly(100, 1 << 1, 1, 5);
        seen.add(100, 0);
        seen.add(100, -5);
        assertThat(seen.toArray()).containsExactly(100, 2 << 1, -5, -5, 0, 5);
    }

    @Test
    void aBucketNoLongerReadIsForgottenAndTheStoredFormRoundTrips() {
        SeenSequences seen = SeenSequences.of(null, 0);
        seen.add(100, 7);
        seen.add(200, 8);
        long[] stored = seen.toArray();
        assertThat(SeenSequences.of(stored, 100).toArray()).containsExactly(stored);
        SeenSequences later = SeenSequences.of(stored, 101);
        assertThat(later.contains(7)).isFalse();
        assertThat(later.contains(8)).isTrue();
        assertThat(later.toArray()).containsExactly(200, 1 << 1, 8, 8);
    }

    @Test
    void beyondTheMostRangesABucketOverflowsAndKeepsWhatItHas() {
        SeenSequences seen = SeenSequences.of(null, 0);
        for (int i = 0; i < SeenSequences.MAX_RANGES; i++) {
            assertThat(seen.add(100, 10L * i)).isTrue();
        }
        assertThat(seen.anyOverflowed()).isFalse();
        assertThat(seen.add(100, 10L * SeenSequences.MAX_RANGES)).isFalse();
        assertThat(seen.anyOverflowed()).isTrue();
        assertThat(seen.contains(10L * SeenSequences.MAX_RANGES)).isFalse();
        // a sequence next to a range still joins it; the overflow survives storing
        assertThat(seen.add(100, 1)).isTrue();
        assertThat(seen.contains(1)).isTrue();
        assertThat(SeenSequences.of(seen.toArray(), 0).anyOverflowed()).isTrue();
        assertThat(SeenSequences.of(seen.toArray(), 101).anyOverflowed()).isFalse();
    }
}
