package io.ticklake.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SparkPeerProcessTest {

    @Test
    void aSparkRunsSustainedRateLeavesOutItsFirstBatchFromThreeOn() {
        SparkPeerProcess.Result three = new SparkPeerProcess.Result(10, 20, new long[] {1_000, 2_000, 2_000},
                new long[] {5_000, 1_000, 1_000});
        SparkPeerProcess.Result one = new SparkPeerProcess.Result(10, 20, new long[] {3_000}, new long[] {2_000});

        assertThat(three.sustained()).isCloseTo(2_000.0, within(1e-9));
        assertThat(one.sustained()).isCloseTo(1_500.0, within(1e-9));
    }
}
